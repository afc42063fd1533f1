package io.lifeboat.gateway.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /projects}. */
record ProjectRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "must be lowercase letters, digits, - or _")
        String id,
        @Size(max = 200) String title,
        @Pattern(regexp = "professional|enterprise|elite", message = "must be professional, enterprise or elite")
        String tier,
        @Pattern(regexp = "development|production", message = "must be development or production") String plan,
        @Size(max = 64) String timezone) {
}
