package io.lifeboat.gateway.environment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** The body that registers an environment: its type, status, services, mounts and code. */
record EnvironmentRequest(
        @NotBlank @Pattern(regexp = NAME, message = MESSAGE) String name,
        @NotNull @Pattern(regexp = "production|staging|development",
                message = "must be production, staging or development") String type,
        @Pattern(regexp = "active|inactive", message = "must be active or inactive") String status,
        @Size(max = 50) List<@NotNull @Valid Service> services,
        @Size(max = 50) List<@NotNull @Valid Mount> mounts,
        @NotNull @Valid Code code,
        @Valid HooksRequest hooks) {

    static final String NAME = "[a-z0-9][a-z0-9_-]{0,62}";
    static final String MESSAGE = "must be lowercase letters, digits, - or _ (at most 63)";

    /** A service: its connection holds host, port, database, user and password, as its type needs. */
    record Service(@NotBlank @Pattern(regexp = NAME, message = MESSAGE) String name,
                   @NotBlank String type,
                   @NotNull @Size(max = 20) Map<String, @NotNull String> connection) {
    }

    record Mount(@NotBlank @Pattern(regexp = NAME, message = MESSAGE) String name,
                 @NotBlank @Pattern(regexp = "/.*", message = "must be an absolute path") String path) {
    }

    /** Endpoints that hold and release the environment's requests, for example a router's. */
    record HooksRequest(@NotBlank @Pattern(regexp = HOOK, message = HOOK_MESSAGE) String hold,
                        @NotBlank @Pattern(regexp = HOOK, message = HOOK_MESSAGE) String release) {
        static final String HOOK = "https?://[^\\s#/?@]+(@[^\\s#/?@]+)?([/?][^\\s#]*)?";
        static final String HOOK_MESSAGE = "must be an http(s) URL with a host and no fragment";
    }

    /** The deployed code: its commit, and optionally the app directory. */
    record Code(@NotBlank @Pattern(regexp = "[0-9a-f]{7,64}", message = "must be a hexadecimal git SHA") String commit,
                @Pattern(regexp = "/.*", message = "must be an absolute path") String path) {
    }
}
