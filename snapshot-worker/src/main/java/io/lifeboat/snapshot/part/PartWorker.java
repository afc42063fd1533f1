package io.lifeboat.snapshot.part;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotCut;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotPrepared;
import io.lifeboat.contracts.snapshot.PartSnapshotProgressed;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import io.lifeboat.storage.object.StorageException;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.support.events.EventPublisher;
import io.lifeboat.support.files.FilesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Snapshots parts, each on a thread of its own, so that the parts of one consistent backup can wait for the
 * cut together. For a consistent backup the part connects, reports ready, waits for the coordinator's cut,
 * cuts, and reports its point in time; then it streams, reporting progress, and reports the result. A task
 * runs once ({@link PartClaims}): a redelivery never writes a part manifest after its backup ended. A worker
 * that dies loses its running parts; the coordinator notices the silence and fails the backup.
 */
@Service
class PartWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartWorker.class);

    private final Connectors connectors = new Connectors();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("part-", 0).factory());
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("part-heartbeat").factory());
    private final Repository repository;
    private final SecretSealer sealer;
    private final EventPublisher publisher;
    private final CutSignals signals;
    private final PartClaims claims;
    private final Clock clock;
    private final Semaphore streaming;
    private final Duration waitForCut;
    private final Duration heartbeat;
    private final FileRoots roots;

    PartWorker(Repository repository, SecretSealer sealer, EventPublisher publisher, CutSignals signals,
               PartClaims claims, Clock clock, FilesProperties files,
               @Value("${lifeboat.snapshot.parallel-parts}") int parallelParts,
               @Value("${lifeboat.snapshot.prepare-timeout}") Duration prepareTimeout,
               @Value("${lifeboat.snapshot.hold-deadline}") Duration holdDeadline,
               @Value("${lifeboat.snapshot.heartbeat-interval}") Duration heartbeat) {
        this.repository = repository;
        this.sealer = sealer;
        this.publisher = publisher;
        this.signals = signals;
        this.claims = claims;
        this.clock = clock;
        this.streaming = new Semaphore(parallelParts);
        this.waitForCut = prepareTimeout.plus(holdDeadline);
        this.heartbeat = heartbeat;
        this.roots = FileRoots.of(files.roots());
    }

    void submit(PartSnapshotRequested task) {
        threads.submit(() -> snapshot(task));
    }

    private void snapshot(PartSnapshotRequested task) {
        PartSpec part = task.part();
        if (!claims.claim(task.backupId(), part.name())) {
            log.info("part {} of backup {} is not run: it was claimed before, or its backup ended", part.name(),
                    task.backupId());
            return;
        }
        if (clock.instant().isAfter(task.deadline())) {
            fail(task, "the backup's deadline passed before the part could start");
            return;
        }
        AtomicReference<SnapshotWriter> current = new AtomicReference<>();
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> beat(task, current, runner),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Connector connector = connectors.get(part.type());
            String password = part.sealedSecret() == null ? null
                    : sealer.open(part.sealedSecret(), SecretSealer.context(task.environment(), part.name()));
            PartContext context = new PartContext(task.environment(), part, password, task.backupId(), roots);
            try (SnapshotSession session = connector.openSnapshot(context)) {
                Instant at = cut(task, session);
                streaming.acquire();
                try (SnapshotWriter writer = repository.newPart(task.environment().project(),
                        task.environment().environment(), task.backupId(), part.name(), part.type())) {
                    current.set(writer);
                    var facts = session.stream(writer);
                    if (!claims.running(task.backupId())) {
                        throw new IllegalStateException("the backup ended while the part streamed");
                    }
                    PartManifest manifest = writer.commit(at, facts, task.deadline());
                    publish(new PartSnapshotCompleted(Ids.eventId(), clock.instant(), task.backupId(),
                            task.environment(), new PartResult(part.name(), part.type(),
                            PartResult.PartStatus.COMPLETED, manifest.bytes(), manifest.storedBytes(),
                            manifest.pointInTime(), null)));
                } finally {
                    streaming.release();
                }
            }
        } catch (InterruptedException e) {
            log.info("part {} of backup {} stopped: its backup ended", part.name(), task.backupId());
        } catch (ConnectorException | StorageException | IllegalArgumentException | IllegalStateException e) {
            log.warn("part {} of backup {} failed: {}", part.name(), task.backupId(), e.getMessage());
            fail(task, e.getMessage());
        } catch (RuntimeException e) {
            log.error("part {} of backup {} failed unexpectedly", part.name(), task.backupId(), e);
            fail(task, "unexpected error: " + e);
        } finally {
            beat.cancel(false);
            signals.forget(task.backupId());
        }
    }

    /**
     * Reports the part alive from the moment it is accepted (also while it waits for a streaming slot or for
     * the cut), and interrupts it once its backup has ended.
     */
    private void beat(PartSnapshotRequested task, AtomicReference<SnapshotWriter> writer, Thread runner) {
        try {
            if (!claims.running(task.backupId())) {
                runner.interrupt();
                return;
            }
        } catch (RuntimeException e) {
            log.debug("could not check backup {}: {}", task.backupId(), e.getMessage());
        }
        SnapshotWriter current = writer.get();
        progress(task, current == null ? 0 : current.bytesRead());
    }

    /** Takes the cut: at once for a live backup; for a consistent one, when the coordinator says so. */
    private Instant cut(PartSnapshotRequested task, SnapshotSession session) {
        if (!task.consistent()) {
            return session.cut();
        }
        var signal = signals.await(task.backupId());
        publish(new PartSnapshotPrepared(Ids.eventId(), clock.instant(), task.backupId(), task.environment(),
                task.part().name()));
        boolean go;
        try {
            go = signal.get(waitForCut.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ConnectorException("no cut signal within " + waitForCut, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for the cut", false, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ConnectorException("waiting for the cut failed: " + e.getCause(), false, e);
        }
        if (!go) {
            throw new ConnectorException("the backup was given up before the cut", false);
        }
        Instant at = session.cut();
        publish(new PartSnapshotCut(Ids.eventId(), clock.instant(), task.backupId(), task.environment(),
                task.part().name(), at));
        return at;
    }

    private void progress(PartSnapshotRequested task, long bytes) {
        try {
            publish(new PartSnapshotProgressed(Ids.eventId(), clock.instant(), task.backupId(), task.environment(),
                    task.part().name(), bytes));
        } catch (RuntimeException e) {
            log.debug("progress of part {} not published: {}", task.part().name(), e.getMessage());
        }
    }

    private void fail(PartSnapshotRequested task, String error) {
        publish(new PartSnapshotFailed(Ids.eventId(), clock.instant(), task.backupId(), task.environment(),
                task.part().name(), task.part().type(), error));
    }

    private void publish(Event event) {
        publisher.publish(Topics.SNAPSHOT_RESULTS, event);
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        threads.shutdownNow();
    }
}
