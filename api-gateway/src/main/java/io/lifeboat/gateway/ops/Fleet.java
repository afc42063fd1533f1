package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupProgressed;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The fleet view's state, folded from the events of the topics, in any order between topics (each topic's
 * events of one environment in their order): nothing here reads Kafka or a clock; callers pass {@code now}.
 *
 * <p>An operation is remembered while its latest event is younger than the horizon (at least the failure
 * window and the gateway's operation timeout, after which the gateway ends a silent operation itself); an
 * older event of an operation is ignored, so a view rebuilt from the topics is the view kept live.
 * Each environment's last successful backup is kept however old.
 */
final class Fleet {

    private final Duration window;
    private final Duration horizon;
    private final Duration margin;
    private final Map<String, ProjectFacts> projects = new HashMap<>();
    private final Map<EnvironmentRef, EnvironmentWatch> environments = new HashMap<>();
    private final Map<String, BackupRun> backups = new HashMap<>();
    private final Map<String, RestoreRun> restores = new HashMap<>();
    private int sincePrune;

    /**
     * @param window  how far back failures and ended restores are shown (24 h)
     * @param horizon how long an operation is remembered after its latest event; at least {@code window}
     * @param margin  how late past its schedule's interval a backup may be before its environment is listed
     */
    Fleet(Duration window, Duration horizon, Duration margin) {
        this.window = window;
        this.horizon = horizon.compareTo(window) < 0 ? window : horizon;
        this.margin = margin;
    }

    synchronized void apply(Event event, Instant now) {
        Instant forgotten = now.minus(horizon);
        switch (event) {
            case ProjectUpserted e -> projects.put(e.project(), ProjectFacts.upserted(projects.get(e.project()), e));
            case ProjectDeleted e -> projects.computeIfPresent(e.project(), (k, p) -> p.asDeleted());
            case EnvironmentUpserted e -> watch(e.environment()).upserted(e.environmentType(), e.status(),
                    e.occurredAt());
            case EnvironmentDeleted e -> watch(e.environment()).deleted(e.occurredAt());
            case BackupCompleted e -> {
                watch(e.environment()).succeeded(e.backupId(), e.occurredAt());
                if (e.automated()) {
                    watch(e.environment()).automated(null, e.occurredAt());
                }
                backup(e.backupId(), e.environment(), e.occurredAt(), forgotten, r -> {
                    r.automated = e.automated();
                    r.safe = e.safe();
                    r.end(e.occurredAt(), true, null);
                });
            }
            case BackupRecovered e -> watch(e.environment()).succeeded(e.backupId(), e.completedAt());
            case BackupFailed e -> backup(e.backupId(), e.environment(), e.occurredAt(), forgotten, r -> {
                if (r.end(e.occurredAt(), false, e.error())) {
                    r.failedParts = e.parts().stream().filter(p -> p.status() == PartResult.PartStatus.FAILED)
                            .toList();
                }
            });
            case BackupRequested e -> {
                if (e.automated()) {
                    watch(e.environment()).automated(e.scheduledFor(), e.occurredAt());
                }
                backup(e.backupId(), e.environment(), e.occurredAt(), forgotten, r -> {
                    r.requestedAt = e.occurredAt();
                    r.trigger = e.trigger();
                    r.automated = e.automated();
                    r.safe = e.safe();
                });
            }
            case BackupQueued e -> backup(e.backupId(), e.environment(), e.occurredAt(), forgotten, r -> {
                r.queuedAt = e.occurredAt();
                r.trigger = e.trigger();
                r.automated = e.automated();
            });
            case BackupStarted e -> backup(e.backupId(), e.environment(), e.occurredAt(), forgotten,
                    r -> r.startedAt = e.occurredAt());
            case BackupProgressed e -> backup(e.backupId(), e.environment(), e.occurredAt(), forgotten, r -> {
                if (r.progressAt == null || !e.occurredAt().isBefore(r.progressAt)) {
                    r.progressAt = e.occurredAt();
                    r.phase = e.phase();
                    r.bytesRead = e.bytesRead();
                    r.bytesExpected = e.bytesExpected();
                }
            });
            case RestoreQueued e -> restore(e.restoreId(), e.target(), e.occurredAt(), forgotten, r -> {
                r.backupId = e.backupId();
                r.queuedAt = e.occurredAt();
            });
            case RestoreRequested e -> restore(e.restoreId(), e.target(), e.occurredAt(), forgotten, r -> {
                r.backupId = e.backupId();
                r.source = e.source();
                r.requestedAt = e.occurredAt();
            });
            case RestoreStarted e -> restore(e.restoreId(), e.target(), e.occurredAt(), forgotten, r -> {
                r.backupId = e.backupId();
                r.startedAt = e.occurredAt();
            });
            case RestoreCompleted e -> restore(e.restoreId(), e.target(), e.occurredAt(), forgotten, r -> {
                r.backupId = e.backupId();
                r.end(e.occurredAt(), true, null);
            });
            case RestoreFailed e -> restore(e.restoreId(), e.target(), e.occurredAt(), forgotten, r -> {
                r.backupId = e.backupId();
                if (r.end(e.occurredAt(), false, e.error())) {
                    r.targetState = e.targetState();
                }
            });
            default -> {
            }
        }
        if (++sincePrune >= 1000) {
            prune(forgotten);
        }
    }

    /** The view as a caller who sees the projects {@code sees} accepts would have it. */
    synchronized FleetView view(Instant now, Predicate<String> sees, boolean caughtUp) {
        prune(now.minus(horizon));
        Instant since = now.minus(window);
        List<FleetView.RunningBackup> running = backups.values().stream()
                .filter(r -> !r.ended() && sees.test(r.environment.project()))
                .sorted(Comparator.comparing(Run::firstSeen).thenComparing(r -> r.id))
                .map(Fleet::running).toList();
        List<FleetView.FailedBackup> failed = backups.values().stream()
                .filter(r -> r.ended() && !r.succeeded && !r.endedAt.isBefore(since)
                        && sees.test(r.environment.project()))
                .sorted(Comparator.comparing((BackupRun r) -> r.endedAt).reversed().thenComparing(r -> r.id))
                .map(Fleet::failed).toList();
        List<FleetView.OutOfSchedule> late = environments.entrySet().stream()
                .filter(e -> sees.test(e.getKey().project()))
                .map(e -> late(e.getKey(), e.getValue(), now)).filter(o -> o != null)
                .sorted(Comparator.comparing(FleetView.OutOfSchedule::dueBy)
                        .thenComparing(FleetView.OutOfSchedule::project)
                        .thenComparing(FleetView.OutOfSchedule::environment)).toList();
        List<FleetView.FleetRestore> runningRestores = restores.values().stream()
                .filter(r -> !r.ended() && sees.test(r.environment.project()))
                .sorted(Comparator.comparing(Run::firstSeen).thenComparing(r -> r.id))
                .map(Fleet::restore).toList();
        List<FleetView.FleetRestore> recentRestores = restores.values().stream()
                .filter(r -> r.ended() && !r.endedAt.isBefore(since) && sees.test(r.environment.project()))
                .sorted(Comparator.comparing((RestoreRun r) -> r.endedAt).reversed().thenComparing(r -> r.id))
                .map(Fleet::restore).toList();
        return new FleetView(now, caughtUp, since, running, failed, late, runningRestores, recentRestores);
    }

    private EnvironmentWatch watch(EnvironmentRef environment) {
        return environments.computeIfAbsent(environment, k -> new EnvironmentWatch());
    }

    private void backup(String id, EnvironmentRef environment, Instant at, Instant forgotten,
                        Consumer<BackupRun> change) {
        change(backups, id, at, forgotten, () -> new BackupRun(id, environment), change);
    }

    private void restore(String id, EnvironmentRef target, Instant at, Instant forgotten,
                         Consumer<RestoreRun> change) {
        change(restores, id, at, forgotten, () -> new RestoreRun(id, target), change);
    }

    /** Applies an event of an operation, unless it is older than the horizon (then the operation is over). */
    private static <R extends Run> void change(Map<String, R> runs, String id, Instant at, Instant forgotten,
                                               Supplier<R> created, Consumer<R> change) {
        if (at.isBefore(forgotten)) {
            return;
        }
        R run = runs.computeIfAbsent(id, k -> created.get());
        run.seen(at);
        change.accept(run);
    }

    private void prune(Instant forgotten) {
        sincePrune = 0;
        backups.values().removeIf(r -> r.lastEventAt.isBefore(forgotten));
        restores.values().removeIf(r -> r.lastEventAt.isBefore(forgotten));
    }

    private FleetView.OutOfSchedule late(EnvironmentRef ref, EnvironmentWatch watch, Instant now) {
        EnvironmentWatch.Due due = watch.due(projects.get(ref.project()), margin);
        if (due == null || !now.isAfter(due.due())) {
            return null;
        }
        return new FleetView.OutOfSchedule(ref.project(), ref.environment(), due.schedule(),
                due.interval().toString(), due.basis(), watch.lastSuccessAt, watch.lastSuccessId, due.due());
    }

    private static FleetView.RunningBackup running(BackupRun r) {
        return new FleetView.RunningBackup(r.environment.project(), r.environment.environment(), r.id, r.progress(),
                r.trigger, r.automated, r.safe, r.queuedAt, r.requestedAt, r.startedAt, r.phase, r.bytesRead,
                r.bytesExpected);
    }

    private static FleetView.FailedBackup failed(BackupRun r) {
        return new FleetView.FailedBackup(r.environment.project(), r.environment.environment(), r.id, r.trigger,
                r.automated, r.requestedAt, r.endedAt, r.error, r.failedParts.stream()
                .map(p -> new FleetView.FailedPart(p.name(), p.type(), p.error())).toList());
    }

    private static FleetView.FleetRestore restore(RestoreRun r) {
        return new FleetView.FleetRestore(r.environment.project(), r.environment.environment(), r.id, r.backupId,
                r.source == null ? null : r.source.project(), r.source == null ? null : r.source.environment(),
                r.status(), r.queuedAt, r.requestedAt, r.startedAt, r.endedAt, r.error, r.targetState);
    }
}
