package io.lifeboat.gateway.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /retention/evaluate}.
 *
 * @param policy           a built-in name ({@code basic}, {@code advanced}, {@code premium}, {@code dedicated-gen2})
 *                         or a custom list of {@code {"interval": "1d", "count": 7}}
 * @param manualAllowance  manual backups a production environment keeps; the built-in policy's by default, 4 for a
 *                         custom one
 * @param environmentType  {@code production} (default), {@code staging} or {@code development}
 */
record EvaluationRequest(@NotNull JsonNode policy, @PositiveOrZero Integer manualAllowance,
                         @Pattern(regexp = "production|staging|development",
                                 message = "must be production, staging or development") String environmentType,
                         @NotBlank String timezone, @NotNull Instant now,
                         @NotNull @Size(max = 10_000) List<@NotNull @Valid Backup> backups) {

    /** One backup: its trigger is {@code tombstone} for a deleted project's final backup. */
    record Backup(@NotBlank @Size(max = 100) String id, @NotNull Instant createdAt, @NotNull Boolean automated,
                  @Size(max = 40) String trigger) {
    }
}
