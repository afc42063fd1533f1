package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.MalformedEventException;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotCut;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotPrepared;
import io.lifeboat.contracts.snapshot.PartSnapshotProgressed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.function.Consumer;

/** The coordinator's topics: backup requests in, part results in. */
@Configuration(proxyBeanMethods = false)
class CoordinatorBindings {

    private final BackupCoordinator coordinator;

    CoordinatorBindings(BackupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Bean
    Consumer<Message<byte[]>> backupRequests() {
        return message -> coordinator.start(EventCodec.decode(message.getPayload(), BackupRequested.class));
    }

    @Bean
    Consumer<Message<byte[]>> snapshotResults() {
        return message -> {
            switch (EventCodec.decode(message.getPayload())) {
                case PartSnapshotCompleted completed -> coordinator.partCompleted(completed);
                case PartSnapshotFailed failed -> coordinator.partFailed(failed);
                case PartSnapshotPrepared prepared -> coordinator.partPrepared(prepared);
                case PartSnapshotCut cut -> coordinator.partCut(cut);
                case PartSnapshotProgressed progressed -> coordinator.partProgressed(progressed);
                case Object other -> throw new MalformedEventException("unexpected event on the results topic: "
                        + other.getClass().getSimpleName(), null);
            }
        };
    }

    @Scheduled(fixedDelayString = "${lifeboat.snapshot.reaper-millis:1000}")
    void failOverdueBackups() {
        coordinator.failOverdue();
    }
}
