package io.lifeboat.gateway.environment;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.PartSpec;

import java.time.Instant;
import java.util.List;

/** A registered environment, with its parts as the workers receive them (credentials sealed). */
public record Environment(EnvironmentRef ref, String type, String status, String commitSha, List<PartSpec> parts,
                          Hooks hooks, Instant createdAt, Instant updatedAt) {

    public boolean active() {
        return status.equals("active");
    }
}
