package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A backup's data was read back from every location and verified; or, from the gateway, no result came within
 * its verification timeout ({@code passed} false, nothing checked, the one error saying so).
 *
 * @param passed        true when every checked copy authenticated and matched its id
 * @param chunksChecked chunk copies read back, over all locations
 * @param errors        at most 20 failures, each naming the part, the object and the location
 */
public record BackupVerified(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                             double sample, boolean passed, long chunksChecked, long bytesChecked,
                             List<String> errors) implements Event {

    public BackupVerified {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    @Override
    public String key() {
        return environment.key();
    }
}
