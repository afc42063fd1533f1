package io.lifeboat.gateway.activity;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.EventTypes;
import io.lifeboat.contracts.HookUrls;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.restore.RestoreRequested;

import java.util.List;
import java.util.Optional;

/**
 * One event as the activity streams send it: its wire type, its id and its JSON, and the environment it
 * concerns (from its record key, {@code project/environment}). Sealed secrets are removed and hook URLs
 * redacted: the API never returns credentials, not even sealed.
 */
record Activity(EnvironmentRef environment, String type, String id, String json) {

    static Optional<Activity> of(Event event) {
        String[] key = event.key().split("/", -1);
        if (key.length != 2 || !EnvironmentRef.isValidName(key[0]) || !EnvironmentRef.isValidName(key[1])) {
            return Optional.empty();
        }
        Event shown = withoutSecrets(event);
        return Optional.of(new Activity(new EnvironmentRef(key[0], key[1]), EventTypes.of(event.getClass()).name(),
                event.eventId().toString(), EventCodec.toJson(shown)));
    }

    boolean concerns(String project, String environment) {
        return this.environment.project().equals(project)
                && (environment == null || this.environment.environment().equals(environment));
    }

    private static Event withoutSecrets(Event event) {
        return switch (event) {
            case BackupRequested e -> new BackupRequested(e.eventId(), e.occurredAt(), e.backupId(), e.environment(),
                    e.safe(), e.automated(), e.trigger(), e.commitSha(), unsealed(e.parts()), HookUrls.redact(e.hooks()),
                    e.scheduledFor());
            case RestoreRequested e -> new RestoreRequested(e.eventId(), e.occurredAt(), e.restoreId(), e.backupId(),
                    e.source(), e.target(), e.restoreCode(), unsealed(e.targetParts()), HookUrls.redact(e.targetHooks()),
                    e.replaceMissingDefiners());
            default -> event;
        };
    }

    private static List<PartSpec> unsealed(List<PartSpec> parts) {
        return parts.stream().map(p -> new PartSpec(p.name(), p.type(), p.settings(), null)).toList();
    }
}
