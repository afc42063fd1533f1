package io.lifeboat.snapshot.part;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import io.lifeboat.storage.object.StorageException;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.support.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Snapshots one part: the connector for its type cuts and streams it, the storage engine stores it, and
 * the result goes back to the coordinator. A crash before the result is published redelivers the task,
 * which runs again from the start; the abandoned attempt's data is reclaimed by garbage collection.
 */
@Service
class PartWorker {

    private static final Logger log = LoggerFactory.getLogger(PartWorker.class);

    private final Connectors connectors = new Connectors();
    private final Repository repository;
    private final SecretSealer sealer;
    private final EventPublisher publisher;
    private final Clock clock;

    PartWorker(Repository repository, SecretSealer sealer, EventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.sealer = sealer;
        this.publisher = publisher;
        this.clock = clock;
    }

    void snapshot(PartSnapshotRequested task) {
        PartSpec part = task.part();
        if (clock.instant().isAfter(task.deadline())) {
            fail(task, "the backup's deadline passed before the part could start");
            return;
        }
        try {
            Connector connector = connectors.get(part.type());
            String password = part.sealedSecret() == null ? null
                    : sealer.open(part.sealedSecret(), SecretSealer.context(task.environment(), part.name()));
            PartContext context = new PartContext(task.environment(), part, password, task.backupId());
            log.info("snapshotting part {} ({}) of backup {}", part.name(), part.type(), task.backupId());
            PartManifest manifest;
            try (SnapshotSession session = connector.openSnapshot(context);
                 SnapshotWriter writer = repository.newPart(task.environment().project(),
                         task.environment().environment(), task.backupId(), part.name(), part.type())) {
                Instant at = session.cut();
                manifest = writer.commit(at, session.stream(writer));
            }
            publisher.publish(Topics.SNAPSHOT_RESULTS, new PartSnapshotCompleted(Ids.eventId(), clock.instant(),
                    task.backupId(), task.environment(), new PartResult(part.name(), part.type(),
                    PartResult.PartStatus.COMPLETED, manifest.bytes(), manifest.storedBytes(),
                    manifest.pointInTime(), null)));
        } catch (ConnectorException | StorageException | IllegalArgumentException e) {
            log.warn("part {} of backup {} failed: {}", part.name(), task.backupId(), e.getMessage());
            fail(task, e.getMessage());
        }
    }

    private void fail(PartSnapshotRequested task, String error) {
        publisher.publish(Topics.SNAPSHOT_RESULTS, new PartSnapshotFailed(Ids.eventId(), clock.instant(),
                task.backupId(), task.environment(), task.part().name(), task.part().type(), error));
    }
}
