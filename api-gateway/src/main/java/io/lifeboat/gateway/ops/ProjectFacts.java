package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.environment.ProjectUpserted;

import java.time.Instant;

/**
 * A project's plan and schedule, from its last {@code project.upserted}.
 *
 * @param since when the plan or the schedule last changed (or the project was first seen): a schedule is
 *              only owed from then on
 */
record ProjectFacts(String plan, String schedule, boolean deleted, Instant since) {

    /** The facts after an upsert, given those before it (null if none). */
    static ProjectFacts upserted(ProjectFacts before, ProjectUpserted event) {
        boolean changed = before == null || before.deleted || !before.plan.equals(event.plan())
                || !before.schedule.equals(event.schedule());
        return new ProjectFacts(event.plan(), event.schedule(), false, changed ? event.occurredAt() : before.since);
    }

    ProjectFacts asDeleted() {
        return new ProjectFacts(plan, schedule, true, since);
    }
}
