package io.lifeboat.gateway.project;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /projects/{project}}: only the fields given change. The tier is support's to set. */
record ProjectPatch(
        @Size(max = 200) String title,
        @Pattern(regexp = "professional|enterprise|elite", message = "must be professional, enterprise or elite")
        String tier,
        @Pattern(regexp = "development|production", message = "must be development or production") String plan,
        @Size(max = 64) String timezone) {
}
