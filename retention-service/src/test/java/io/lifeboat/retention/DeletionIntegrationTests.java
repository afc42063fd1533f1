package io.lifeboat.retention;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deletions held back by restores, and the deletion of environments and projects. */
class DeletionIntegrationTests extends ScenarioSupport {

    @Test
    void aRestoreReadingAnExpiredBackupDefersItsDeletionUntilTheRestoreEnds() {
        EnvironmentRef staging = register("rst", "basic", "staging", "staging");
        Held held = expiredWhileHeld(staging, (m1, restore) -> new Event[] {
                new RestoreRequested(Ids.eventId(), now(), restore, m1, staging, staging, true, List.of(), null),
                new RestoreStarted(Ids.eventId(), now(), restore, m1, staging)});

        send(new RestoreCompleted(Ids.eventId(), now(), held.restore(), held.backup(), staging, null, List.of()));
        await().untilAsserted(() -> assertThat(deleted(staging)).containsExactly(held.backup()));
        assertThat(deletionRequests(staging)).containsExactly(Map.entry(held.backup(), "replaced"));
        assertThat(assessed(staging).get(held.backup()).reasons())
                .containsExactly("expired: replaced by newer manual backups");
    }

    @Test
    void aQueuedRestoreHoldsItsBackupHoweverLongItWaitsUntilItFailsWithoutHavingStarted() {
        EnvironmentRef staging = register("queue", "basic", "staging", "staging");
        Held held = expiredWhileHeld(staging, (m1, restore) -> new Event[] {
                new RestoreQueued(Ids.eventId(), now(), restore, m1, staging)});

        fixture.clock.advance(Duration.ofHours(6).plusMinutes(1)); // longer than restore-timeout
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(deleted(staging)).as("still held while queued").isEmpty();
        send(new RestoreFailed(Ids.eventId(), now(), held.restore(), held.backup(), staging,
                "environment staging was deleted", "unchanged"));
        await().untilAsserted(() -> assertThat(deleted(staging)).containsExactly(held.backup()));
    }

    /** A backup, and the restore that holds it. */
    private record Held(String backup, String restore) {
    }

    /**
     * Two manual backups, a restore of the first announced by {@code announce}, then a third backup, which
     * expires the first: its deletion waits for the restore. Ends half an hour later, the restore still on.
     */
    private Held expiredWhileHeld(EnvironmentRef staging, BiFunction<String, String, Event[]> announce) {
        at(LocalDateTime.of(2026, 3, 3, 9, 0));
        String m1 = backup(staging, false, "api");
        backup(staging, false, "api");
        String restore = Ids.timeOrdered(fixture.clock);
        send(announce.apply(m1, restore));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM restores WHERE restore_id = ?",
                restore).size() == 1);

        backup(staging, false, "api");
        fixture.awaitQuiet();
        assertThat(assessed(staging).get(m1).reasons()).containsExactly("expired: replaced by newer manual backups",
                "deletion deferred: restore " + restore + " is reading this backup");
        assertThat(deletionRequests(staging)).isEmpty();
        fixture.clock.advance(Duration.ofMinutes(30));
        return new Held(m1, restore);
    }

    @Test
    void aRequestedDeletionWaitsForTheRestoreAndARestoreThatStopsReportingBlocksNoLongerThanItsTimeout() {
        EnvironmentRef staging = register("stale", "basic", "staging", "staging");
        at(LocalDateTime.of(2026, 3, 4, 9, 0));
        String m1 = backup(staging, false, "api");
        String restore = Ids.timeOrdered(fixture.clock);
        send(new RestoreRequested(Ids.eventId(), now(), restore, m1, staging, staging, true, List.of(), null));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM restores WHERE restore_id = ?",
                restore).size() == 1);

        send(new BackupDeletionRequested(Ids.eventId(), now(), m1, staging, "user"));
        fixture.awaitQuiet();
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(deleted(staging)).isEmpty();
        assertThat(fixture.jdbc().queryForList("SELECT reason FROM deferred_deletions WHERE backup_id = ?",
                String.class, m1)).containsExactly("user");

        fixture.clock.advance(Duration.ofHours(6).plusMinutes(1));
        fixture.pass();
        await().untilAsserted(() -> assertThat(deleted(staging)).containsExactly(m1));
        assertThat(fixture.published(BackupDeleted.class, staging.project()).getFirst().reason()).isEqualTo("user");
    }

    @Test
    void deletingAnEnvironmentDeletesEveryBackupOfItEvenOneStillRunning() {
        EnvironmentRef main = register("envdel", "advanced", "main", "production");
        at(LocalDateTime.of(2026, 3, 5, 4, 0));
        String automated = backup(main, true, "schedule");
        String manual = backup(main, false, "api");
        String running = requested(main, false, "api");

        send(new EnvironmentDeleted(Ids.eventId(), now(), main));
        await().untilAsserted(() -> assertThat(deleted(main)).containsExactlyInAnyOrder(automated, manual));
        complete(main, running, false);
        await().untilAsserted(() -> assertThat(deleted(main)).containsExactlyInAnyOrder(automated, manual, running));
        assertThat(deletionRequests(main)).containsOnlyKeys(automated, manual, running);
        assertThat(deletionRequests(main).values()).containsOnly("environment-deleted");
        assertThat(fixture.published(BackupExpired.class, main.project())).extracting(BackupExpired::reason)
                .containsOnly("environment-deleted");
    }

    @Test
    void deletingAProjectKeepsTheTombstonesForTheirRetentionAndDeletesTheRest() {
        EnvironmentRef main = register("prjdel", "advanced", "main", "production");
        EnvironmentRef staging = environment(main.project(), "staging", "staging");
        at(LocalDateTime.of(2026, 3, 6, 4, 0));
        String daily = backup(main, true, "schedule");
        String manual = backup(main, false, "api");
        String older = backup(staging, false, "api");
        String newest = backup(staging, false, "api");

        fixture.clock.advance(Duration.ofHours(2));
        Instant tombstoneAt = now();
        String tombstone = requested(main, false, "tombstone");
        String failed = requested(staging, false, "tombstone");
        Instant deletedAt = now();
        send(new ProjectDeleted(Ids.eventId(), deletedAt, main.project()));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM projects WHERE project = ? "
                + "AND deleted_at IS NOT NULL", main.project()).size() == 1);
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(deletionRequests(main)).isEmpty();
        assertThat(deletionRequests(staging)).isEmpty();

        fixture.clock.advance(Duration.ofMinutes(10));
        complete(main, tombstone, false);
        send(new BackupFailed(Ids.eventId(), now(), failed, staging, "the database was gone", List.of()));
        await().untilAsserted(() -> assertThat(deleted(main)).containsExactlyInAnyOrder(daily, manual));
        await().untilAsserted(() -> assertThat(deleted(staging)).containsExactly(older));
        assertThat(deletionRequests(main)).containsOnlyKeys(daily, manual);
        assertThat(deletionRequests(main).values()).containsOnly("project-deleted");
        assertThat(deletionRequests(staging)).containsExactly(Map.entry(older, "project-deleted"));
        assertAssessed(main, tombstone, tombstoneAt.plus(Duration.ofDays(30)).toString(),
                "tombstone until 2026-04-05");
        assertAssessed(staging, newest, deletedAt.plus(Duration.ofDays(30)).toString(), "tombstone until 2026-04-05",
                "kept as the tombstone: the final backup failed");

        fixture.clock.advance(Duration.ofDays(30));
        fixture.pass();
        await().untilAsserted(() -> assertThat(deleted(main)).contains(tombstone));
        await().untilAsserted(() -> assertThat(deleted(staging)).contains(newest));
        assertThat(deletionRequests(main).get(tombstone)).isEqualTo("expired");
        assertThat(assessed(staging).get(newest).reasons()).containsExactly("expired: tombstone retention ended "
                + "2026-04-05");
    }

    @Test
    void aQueuedTombstoneHoldsTheProjectsBackupsHoweverLongItWaits() {
        at(LocalDateTime.of(2026, 3, 2, 4, 0)); // first, and before the other tests' days: they share the clock
        EnvironmentRef main = register("tsqueue", "advanced", "main", "production");
        EnvironmentRef staging = environment(main.project(), "staging", "staging");
        String daily = backup(main, true, "schedule");
        String manual = backup(main, false, "api");
        String older = backup(staging, false, "api");
        String newest = backup(staging, false, "api");

        fixture.clock.advance(Duration.ofHours(2));
        Instant queuedAt = now();
        String tombstone = queued(main, "tombstone");
        String neverRan = queued(staging, "tombstone");
        send(new ProjectDeleted(Ids.eventId(), queuedAt, main.project()));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM projects WHERE project = ? "
                + "AND deleted_at IS NOT NULL", main.project()).size() == 1);
        fixture.clock.advance(Duration.ofHours(3)); // three times tombstone-wait, behind a long operation
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(deletionRequests(main)).as("held while the tombstone is queued").isEmpty();
        assertThat(deletionRequests(staging)).as("held while the tombstone is queued").isEmpty();
        assertThat(deleted(main)).isEmpty();

        // main's turn comes (the request keeps the time it was accepted); staging's never does
        send(new BackupRequested(Ids.eventId(), queuedAt, tombstone, main, true, false, "tombstone", null,
                List.of(), null));
        fixture.clock.advance(Duration.ofMinutes(10));
        complete(main, tombstone, false);
        send(new BackupFailed(Ids.eventId(), now(), neverRan, staging, "project was deleted", List.of()));
        await().untilAsserted(() -> assertThat(deleted(main)).containsExactlyInAnyOrder(daily, manual));
        await().untilAsserted(() -> assertThat(deleted(staging)).containsExactly(older));
        assertThat(deletionRequests(main).values()).containsOnly("project-deleted");
        Instant until = queuedAt.plus(Duration.ofDays(30));
        String label = "tombstone until " + LocalDate.ofInstant(until, PARIS);
        assertAssessed(main, tombstone, until.toString(), label);
        assertAssessed(staging, newest, until.toString(), label, "kept as the tombstone: the final backup failed");
    }
}
