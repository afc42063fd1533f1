package io.lifeboat.gateway.restore;

import io.lifeboat.gateway.backup.BackupCatalog;
import io.lifeboat.gateway.operation.DispatchCheck;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A queued restore does not start if its backup stopped being restorable while it waited. */
@Component
class RestoreDispatchCheck implements DispatchCheck {

    private final BackupCatalog backups;

    RestoreDispatchCheck(BackupCatalog backups) {
        this.backups = backups;
    }

    @Override
    public Optional<String> refusal(String kind, String backupId) {
        return kind.equals("restore") && !backups.restorable(backupId)
                ? Optional.of("backup " + backupId + " was deleted before the restore started")
                : Optional.empty();
    }
}
