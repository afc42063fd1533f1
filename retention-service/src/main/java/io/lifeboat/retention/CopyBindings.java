package io.lifeboat.retention;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventTypes;
import io.lifeboat.retention.copy.BackupCopy;
import io.lifeboat.retention.copy.EnvironmentCopy;
import io.lifeboat.retention.copy.RestoreCopy;
import io.lifeboat.retention.deletion.DeferredDeletions;
import io.lifeboat.retention.evaluation.Evaluator;
import io.lifeboat.support.events.EventMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Projects, environments, backup requests, backup and restore lifecycles in, one binding per topic: they update
 * this service's copy, then the environments they concern are evaluated at once, and deletions that waited for
 * an ended restore are carried out.
 */
@Configuration(proxyBeanMethods = false)
class CopyBindings {

    @Bean
    Consumer<Message<byte[]>> environmentEvents(CopyUpdates updates) {
        return updates::accept;
    }

    @Bean
    Consumer<Message<byte[]>> backupRequests(CopyUpdates updates) {
        return updates::accept;
    }

    @Bean
    Consumer<Message<byte[]>> backupLifecycle(CopyUpdates updates) {
        return updates::accept;
    }

    @Bean
    Consumer<Message<byte[]>> restoreRequests(CopyUpdates updates) {
        return updates::accept;
    }

    @Bean
    Consumer<Message<byte[]>> restoreEvents(CopyUpdates updates) {
        return updates::accept;
    }

    @Bean
    CopyUpdates copyUpdates(EnvironmentCopy environments, BackupCopy backups, RestoreCopy restores,
                            Evaluator evaluator, DeferredDeletions deferred) {
        return new CopyUpdates(environments, backups, restores, evaluator, deferred);
    }

    /** Routes an event to the part of the copy it updates, then acts on what changed. */
    record CopyUpdates(EnvironmentCopy environments, BackupCopy backups, RestoreCopy restores, Evaluator evaluator,
                       DeferredDeletions deferred) implements Consumer<Message<byte[]>> {

        @Override
        public void accept(Message<byte[]> message) {
            Event event = EventMessages.decode(message);
            String type = EventTypes.of(event.getClass()).name();
            List<EnvironmentRef> concerned = new ArrayList<>();
            switch (type.substring(0, type.indexOf('.'))) {
                case "project", "environment" -> concerned.addAll(environments.apply(event));
                case "backup" -> backups.apply(event).ifPresent(concerned::add);
                case "restore" -> restores.apply(event).ifPresent(backupId -> {
                    deferred.retry(backupId);
                    backups.environmentOf(backupId).ifPresent(concerned::add);
                });
                default -> {
                }
            }
            concerned.forEach(evaluator::evaluate);
        }
    }
}
