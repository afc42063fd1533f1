package io.lifeboat.support.metrics;

import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreStarted;

import static io.lifeboat.support.metrics.MetricNames.RESTORE_BYTES;
import static io.lifeboat.support.metrics.MetricNames.RESTORE_FAILURE;

/** A restore's life, from the restore worker's events, labelled by the target environment. */
final class RestoreMetrics {

    private final Meters meters;
    private final EnvironmentTags tags;
    private final Operations restores;

    RestoreMetrics(Meters meters, EnvironmentTags tags, Operations restores) {
        this.meters = meters;
        this.tags = tags;
        this.restores = restores;
    }

    void started(RestoreStarted e) {
        restores.started(e.restoreId(), e.target(), e.occurredAt());
    }

    void completed(RestoreCompleted e) {
        restores.completed(e.restoreId(), e.target(), e.occurredAt());
        for (PartResult part : e.parts()) {
            meters.count(RESTORE_BYTES, tags.of(e.target(), part.type()), part.bytes());
        }
    }

    void failed(RestoreFailed e) {
        restores.failed(e.restoreId(), e.occurredAt());
        meters.count(RESTORE_FAILURE, tags.of(e.target()).and("reason", FailureReasons.of(e.error()))
                .and("target_state", FailureReasons.targetState(e.targetState())));
    }
}
