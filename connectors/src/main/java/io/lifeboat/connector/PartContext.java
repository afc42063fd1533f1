package io.lifeboat.connector;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import org.jspecify.annotations.Nullable;

/**
 * One part of one environment, for one operation.
 *
 * @param password    the service's password, already unsealed; never logged
 * @param operationId the backup or restore id, used to name staging areas
 */
public record PartContext(EnvironmentRef environment, PartSpec spec, @Nullable String password,
                          String operationId) {

    @Override
    public String toString() {
        return "PartContext[" + environment + " " + spec + " " + operationId + "]";
    }
}
