package io.lifeboat.connector;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * One part of one environment, for one operation.
 *
 * @param password    the service's password, already unsealed; never logged
 * @param operationId the backup or restore id, used to name staging areas
 * @param roots       where the environment's project may keep files; mounts and code are confined to them
 * @param options     what a restore may change to make the backup fit the target
 */
public record PartContext(EnvironmentRef environment, PartSpec spec, @Nullable String password,
                          String operationId, FileRoots roots, RestoreOptions options) {

    public PartContext {
        Objects.requireNonNull(options, "options");
    }

    public PartContext(EnvironmentRef environment, PartSpec spec, @Nullable String password, String operationId,
                       FileRoots roots) {
        this(environment, spec, password, operationId, roots, RestoreOptions.NONE);
    }

    @Override
    public String toString() {
        return "PartContext[" + environment + " " + spec + " " + operationId + "]";
    }
}
