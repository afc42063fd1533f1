package io.lifeboat.gateway.backup;

import io.lifeboat.gateway.environment.Environment;
import io.lifeboat.gateway.environment.Environments;
import io.lifeboat.gateway.project.ProjectDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** When a project is deleted, takes a final "tombstone" backup of each of its active environments. */
@Component
class Tombstones {

    static final String TRIGGER = "tombstone";

    private final Environments environments;
    private final Backups backups;

    Tombstones(Environments environments, Backups backups) {
        this.environments = environments;
        this.backups = backups;
    }

    @EventListener
    @Order(1)
    void onDeleting(ProjectDeleting event) {
        environments.list(event.project()).stream().filter(Environment::active)
                .forEach(e -> backups.request(e.ref(), true, TRIGGER));
    }
}
