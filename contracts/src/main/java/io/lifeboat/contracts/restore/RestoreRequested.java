package io.lifeboat.contracts.restore;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.PartSpec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Restore a backup of {@code source} into {@code target}, which may be the same environment.
 *
 * @param targetParts the target's parts; each backed-up part is restored into the target part of the same name
 * @param restoreCode false restores the data only
 * @param targetHooks the target's hold and release endpoints: its writes are held while parts switch over
 * @param replaceMissingDefiners a database object whose definer does not exist on the target gets the target's
 *                    user instead of failing the restore (absent in events written before it was added: false;
 *                    {@code AS_EMPTY} reads it so although the codec refuses null for other booleans)
 */
public record RestoreRequested(UUID eventId, Instant occurredAt, String restoreId, String backupId,
                               EnvironmentRef source, EnvironmentRef target, boolean restoreCode,
                               List<PartSpec> targetParts, @Nullable Hooks targetHooks,
                               @JsonSetter(nulls = Nulls.AS_EMPTY) boolean replaceMissingDefiners) implements Event {

    public RestoreRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(restoreId, "restore_id");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        targetParts = List.copyOf(Objects.requireNonNull(targetParts, "target_parts"));
    }

    public RestoreRequested(UUID eventId, Instant occurredAt, String restoreId, String backupId,
                            EnvironmentRef source, EnvironmentRef target, boolean restoreCode,
                            List<PartSpec> targetParts, @Nullable Hooks targetHooks) {
        this(eventId, occurredAt, restoreId, backupId, source, target, restoreCode, targetParts, targetHooks,
                false);
    }

    @Override
    public String key() {
        return target.key();
    }
}
