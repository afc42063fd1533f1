package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartResult.PartStatus;
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
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The fleet view's aggregation, fed events by hand on a clock the test moves. */
class FleetTests {

    static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    static final EnvironmentRef MAIN = new EnvironmentRef("shop", "main");
    static final EnvironmentRef STAGING = new EnvironmentRef("shop", "staging");
    static final EnvironmentRef BLOG = new EnvironmentRef("blog", "main");
    static final Duration MARGIN = Duration.ofHours(2);
    static final Predicate<String> ALL = p -> true;

    static final Duration HORIZON = Duration.ofHours(25);

    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final Fleet fleet = new Fleet(Duration.ofHours(24), HORIZON, MARGIN);

    void at(Instant instant) {
        clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    void apply(Event... events) {
        for (Event event : events) {
            fleet.apply(event, clock.instant());
        }
    }

    FleetView view() {
        return fleet.view(clock.instant(), ALL, true);
    }

    @Test
    void aBackupIsQueuedRequestedRunningWithItsProgressAndThenNoLongerRunning() {
        apply(registered(MAIN, "advanced"));
        apply(new BackupQueued(Ids.eventId(), T0, "b1", MAIN, false, "api"));
        assertThat(view().runningBackups()).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo("queued");
            assertThat(b.trigger()).isEqualTo("api");
            assertThat(b.queuedAt()).isEqualTo(T0);
        });

        at(T0.plusSeconds(10));
        apply(requested("b1", MAIN, T0.plusSeconds(10), null),
                new BackupStarted(Ids.eventId(), T0.plusSeconds(11), "b1", MAIN),
                new BackupProgressed(Ids.eventId(), T0.plusSeconds(13), "b1", MAIN, "streaming", 700, 1000),
                new BackupProgressed(Ids.eventId(), T0.plusSeconds(12), "b1", MAIN, "cutting", 100, 1000));
        assertThat(view().runningBackups()).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo("running");
            assertThat(b.safe()).isTrue();
            assertThat(b.requestedAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(b.startedAt()).isEqualTo(T0.plusSeconds(11));
            assertThat(b.phase()).as("the latest progress wins, not the last read").isEqualTo("streaming");
            assertThat(b.bytesRead()).isEqualTo(700);
            assertThat(b.bytesExpected()).isEqualTo(1000);
        });

        apply(completed("b1", MAIN, T0.plusSeconds(30)));
        FleetView view = view();
        assertThat(view.runningBackups()).isEmpty();
        assertThat(view.failedBackups()).isEmpty();
        assertThat(view.outOfSchedule()).isEmpty();
    }

    @Test
    void failuresOfTheLastDayAreListedNewestFirstWithTheirFailedParts() {
        apply(registered(MAIN, "advanced"));
        apply(registered(BLOG, "basic"));
        apply(requested("b1", MAIN, T0, null), new BackupFailed(Ids.eventId(), T0.plusSeconds(5), "b1", MAIN,
                "part database failed", List.of(part("database", PartStatus.FAILED, "connection refused"),
                part("uploads", PartStatus.COMPLETED, null))));
        at(T0.plus(Duration.ofHours(3)));
        apply(new BackupQueued(Ids.eventId(), clock.instant(), "b2", BLOG, false, "api"),
                new BackupFailed(Ids.eventId(), clock.instant(), "b2", BLOG,
                        "the environment was deactivated before this operation started", List.of()));

        assertThat(view().failedBackups()).extracting(FleetView.FailedBackup::backupId).containsExactly("b2", "b1");
        assertThat(view().failedBackups().get(1)).satisfies(f -> {
            assertThat(f.project()).isEqualTo("shop");
            assertThat(f.environment()).isEqualTo("main");
            assertThat(f.trigger()).isEqualTo("api");
            assertThat(f.failedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(f.error()).isEqualTo("part database failed");
            assertThat(f.parts()).containsExactly(
                    new FleetView.FailedPart("database", "postgresql", "connection refused"));
        });
        assertThat(view().runningBackups()).isEmpty();

        at(T0.plusSeconds(5).plus(Duration.ofHours(24)));
        assertThat(view().failedBackups()).as("exactly 24 h old: still in the window")
                .extracting(FleetView.FailedBackup::backupId).containsExactly("b2", "b1");
        at(clock.instant().plusMillis(1));
        assertThat(view().failedBackups()).extracting(FleetView.FailedBackup::backupId).containsExactly("b2");
        assertThat(view().failuresSince()).isEqualTo(clock.instant().minus(Duration.ofHours(24)));
    }

    @Test
    void aSecondEndChangesNothing() {
        apply(requested("b1", MAIN, T0, null), completed("b1", MAIN, T0.plusSeconds(5)),
                new BackupFailed(Ids.eventId(), T0.plusSeconds(9), "b1", MAIN, "gave up", List.of()));
        assertThat(view().failedBackups()).isEmpty();
    }

    @Test
    void theViewIsTheSameWhateverOrderTheTopicsAreReadIn() {
        List<Event> environments = List.of(project("shop", "production", "premium", T0.minusSeconds(3600)),
                upserted(MAIN, "production", "active", T0.minusSeconds(3600)),
                project("blog", "production", "advanced", T0.minusSeconds(7200)),
                upserted(BLOG, "production", "active", T0.minusSeconds(7200)));
        List<Event> requests = List.of(requested("b1", MAIN, T0, T0), requested("b2", BLOG, T0.plusSeconds(1), null),
                requested("b3", MAIN, T0.plusSeconds(100), null),
                new RestoreRequested(Ids.eventId(), T0.plusSeconds(60), "r1", "b1", MAIN, MAIN, true, List.of(), null),
                new RestoreRequested(Ids.eventId(), T0.plusSeconds(200), "r2", "b1", MAIN, MAIN, true, List.of(), null));
        List<Event> lifecycle = List.of(new BackupStarted(Ids.eventId(), T0.plusSeconds(1), "b1", MAIN),
                completed("b1", MAIN, T0.plusSeconds(20)),
                new BackupStarted(Ids.eventId(), T0.plusSeconds(2), "b2", BLOG),
                new BackupFailed(Ids.eventId(), T0.plusSeconds(30), "b2", BLOG, "mount missing", List.of()),
                new BackupQueued(Ids.eventId(), T0.plusSeconds(90), "b3", MAIN, false, "api"),
                new BackupStarted(Ids.eventId(), T0.plusSeconds(101), "b3", MAIN),
                new RestoreQueued(Ids.eventId(), T0.plusSeconds(50), "r1", "b1", MAIN),
                new RestoreStarted(Ids.eventId(), T0.plusSeconds(61), "r1", "b1", MAIN),
                new RestoreCompleted(Ids.eventId(), T0.plusSeconds(80), "r1", "b1", MAIN, "c0ffee", List.of()),
                new RestoreStarted(Ids.eventId(), T0.plusSeconds(201), "r2", "b1", MAIN));
        Instant now = T0.plus(Duration.ofHours(9));

        List<FleetView> views = new ArrayList<>();
        for (List<List<Event>> order : List.of(List.of(environments, requests, lifecycle),
                List.of(lifecycle, requests, environments), List.of(requests, lifecycle, environments))) {
            Fleet rebuilt = new Fleet(Duration.ofHours(24), HORIZON, MARGIN);
            order.forEach(topic -> topic.forEach(e -> rebuilt.apply(e, now)));
            views.add(rebuilt.view(now, ALL, true));
        }
        List<Event> interleaved = new ArrayList<>();
        List.of(environments, requests, lifecycle).forEach(interleaved::addAll);
        Collections.shuffle(interleaved, new Random(42));
        // backup and restore events in any order at all (those of the environments topic in theirs, after them)
        Fleet shuffled = new Fleet(Duration.ofHours(24), HORIZON, MARGIN);
        interleaved.stream().filter(e -> !(e instanceof EnvironmentUpserted || e instanceof ProjectUpserted))
                .forEach(e -> shuffled.apply(e, now));
        environments.forEach(e -> shuffled.apply(e, now));
        views.add(shuffled.view(now, ALL, true));

        FleetView first = views.getFirst();
        assertThat(views).allSatisfy(v -> assertThat(v).isEqualTo(first));
        assertThat(first.runningBackups()).extracting(FleetView.RunningBackup::backupId, FleetView.RunningBackup::status)
                .containsExactly(tuple("b3", "running"));
        assertThat(first.failedBackups()).extracting(FleetView.FailedBackup::backupId).containsExactly("b2");
        assertThat(first.runningRestores()).extracting(FleetView.FleetRestore::restoreId).containsExactly("r2");
        assertThat(first.recentRestores()).singleElement().satisfies(r -> {
            assertThat(r.restoreId()).isEqualTo("r1");
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.queuedAt()).isEqualTo(T0.plusSeconds(50));
            assertThat(r.sourceEnvironment()).isEqualTo("main");
        });
        assertThat(first.outOfSchedule()).as("premium: 6 h plus 2 h since 03:00:20").singleElement()
                .satisfies(o -> {
                    assertThat(o.environment()).isEqualTo("main");
                    assertThat(o.interval()).isEqualTo("PT6H");
                    assertThat(o.dueBy()).isEqualTo(T0.plusSeconds(20).plus(Duration.ofHours(8)));
                });
    }

    @Test
    void aProductionEnvironmentIsOutOfScheduleOnceItsIntervalAndTheMarginHavePassed() {
        apply(registered(MAIN, "advanced"));
        apply(requested("b1", MAIN, T0, T0), completed("b1", MAIN, T0.plusSeconds(60)));
        Instant due = T0.plusSeconds(60).plus(Duration.ofHours(24)).plus(MARGIN);

        at(due);
        assertThat(view().outOfSchedule()).isEmpty();
        at(due.plusSeconds(1));
        assertThat(view().outOfSchedule()).singleElement().isEqualTo(new FleetView.OutOfSchedule("shop", "main",
                "advanced", "PT24H", "environment", T0.plusSeconds(60), "b1", due));

        apply(requested("b2", MAIN, clock.instant(), T0.plus(Duration.ofDays(1))),
                completed("b2", MAIN, clock.instant().plusSeconds(5)));
        assertThat(view().outOfSchedule()).isEmpty();
    }

    @Test
    void anEnvironmentNeverBackedUpIsOwedFromWhenItBecameAnActiveProductionEnvironment() {
        apply(project("shop", "production", "basic", T0), upserted(MAIN, "production", "inactive", T0));
        at(T0.plus(Duration.ofDays(3)));
        assertThat(view().outOfSchedule()).as("inactive: no schedule").isEmpty();

        apply(upserted(MAIN, "production", "active", clock.instant()));
        Instant activated = clock.instant();
        apply(upserted(MAIN, "production", "active", activated.plusSeconds(600)));
        at(activated.plus(Duration.ofHours(26)));
        assertThat(view().outOfSchedule()).isEmpty();
        at(clock.instant().plusSeconds(1));
        assertThat(view().outOfSchedule()).singleElement().satisfies(o -> {
            assertThat(o.lastSuccessfulBackupAt()).isNull();
            assertThat(o.dueBy()).as("a later upsert of an active environment does not restart the clock")
                    .isEqualTo(activated.plus(Duration.ofHours(26)));
        });
    }

    @Test
    void environmentsWithoutAScheduleToKeepAreNeverOutOfSchedule() {
        apply(project("shop", "production", "advanced", T0), upserted(STAGING, "staging", "active", T0),
                project("blog", "development", "advanced", T0), upserted(BLOG, "production", "active", T0),
                project("gone", "production", "advanced", T0),
                upserted(new EnvironmentRef("gone", "main"), "production", "active", T0),
                new ProjectDeleted(Ids.eventId(), T0.plusSeconds(1), "gone"),
                upserted(MAIN, "production", "active", T0),
                new EnvironmentDeleted(Ids.eventId(), T0.plusSeconds(2), MAIN));
        // a backup of the deleted environment read after its deletion (from another topic) does not revive it
        apply(requested("b0", MAIN, T0.minusSeconds(100), T0.minusSeconds(100)),
                completed("b0", MAIN, T0.minusSeconds(50)));
        at(T0.plus(Duration.ofDays(10)));
        assertThat(view().outOfSchedule()).isEmpty();

        apply(upserted(MAIN, "production", "active", clock.instant()));
        at(clock.instant().plus(Duration.ofHours(27)));
        assertThat(view().outOfSchedule()).as("re-created: owed from its new registration").singleElement()
                .satisfies(o -> assertThat(o.lastSuccessfulBackupId()).isNull());
    }

    @Test
    void aScheduleChangeRestartsTheClockWithTheNewInterval() {
        apply(registered(MAIN, "advanced"), requested("b1", MAIN, T0, T0), completed("b1", MAIN, T0));
        at(T0.plus(Duration.ofHours(20)));
        apply(project("shop", "production", "premium", clock.instant()));
        Instant upgraded = clock.instant();
        at(upgraded.plus(Duration.ofHours(8)));
        assertThat(view().outOfSchedule()).isEmpty();
        at(clock.instant().plusSeconds(1));
        assertThat(view().outOfSchedule()).singleElement().satisfies(o -> {
            assertThat(o.schedule()).isEqualTo("premium");
            assertThat(o.interval()).isEqualTo("PT6H");
            assertThat(o.dueBy()).isEqualTo(upgraded.plus(Duration.ofHours(8)));
        });
    }

    @Test
    void withoutItsEnvironmentEventsAnEnvironmentsAutomatedBackupsStandIn() {
        EnvironmentRef daily = new EnvironmentRef("old", "daily");
        EnvironmentRef premium = new EnvironmentRef("old", "premium");
        apply(requested("d1", daily, T0, T0), completed("d1", daily, T0.plusSeconds(10)),
                requested("p1", premium, T0, T0), requested("p2", premium, T0.plusSeconds(6 * 3600),
                        T0.plusSeconds(6 * 3600)), completed("p1", premium, T0.plusSeconds(10)),
                completed("p2", premium, T0.plusSeconds(6 * 3600 + 10)),
                // a manual backup says nothing about a schedule
                requestedManual("m1", MAIN, T0), completed("m1", MAIN, T0.plusSeconds(10)));
        at(T0.plus(Duration.ofDays(2)));
        assertThat(view().outOfSchedule()).extracting(FleetView.OutOfSchedule::environment,
                FleetView.OutOfSchedule::interval, FleetView.OutOfSchedule::basis, FleetView.OutOfSchedule::schedule)
                .containsExactly(tuple("premium", "PT6H", "automated-backups", null),
                        tuple("daily", "PT24H", "automated-backups", null));
    }

    @Test
    void aRecoveredBackupCountsAsTheEnvironmentsLastSuccessfulBackup() {
        apply(registered(MAIN, "advanced"));
        at(T0.plus(Duration.ofHours(30)));
        Instant completed = clock.instant().minusSeconds(3600);
        apply(new BackupRecovered(Ids.eventId(), clock.instant(), "b9", MAIN, true, true, "schedule", null,
                completed.minusSeconds(60), completed, List.of(), 1, 1, null, 0));
        assertThat(view().outOfSchedule()).isEmpty();
    }

    @Test
    void restoresAreRunningUntilTheyEndThenRecentForADay() {
        apply(new RestoreQueued(Ids.eventId(), T0, "r1", "b1", MAIN));
        assertThat(view().runningRestores()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("queued");
            assertThat(r.sourceProject()).as("not known before its request").isNull();
        });
        apply(new RestoreRequested(Ids.eventId(), T0.plusSeconds(5), "r1", "b1", MAIN, MAIN, true, List.of(), null),
                new RestoreStarted(Ids.eventId(), T0.plusSeconds(6), "r1", "b1", MAIN));
        assertThat(view().runningRestores()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("running");
            assertThat(r.sourceProject()).isEqualTo("shop");
        });
        apply(new RestoreFailed(Ids.eventId(), T0.plusSeconds(9), "r1", "b1", MAIN, "part database failed",
                "unchanged"));
        FleetView view = view();
        assertThat(view.runningRestores()).isEmpty();
        assertThat(view.recentRestores()).singleElement().isEqualTo(new FleetView.FleetRestore("shop", "main", "r1", "b1",
                "shop", "main", "failed", T0, T0.plusSeconds(5), T0.plusSeconds(6), T0.plusSeconds(9),
                "part database failed", "unchanged"));

        at(T0.plusSeconds(9).plus(Duration.ofHours(24)).plusMillis(1));
        assertThat(view().recentRestores()).isEmpty();
    }

    @Test
    void anOperationSilentForLongerThanTheHorizonIsForgottenAndItsOldEventsIgnored() {
        apply(requested("b1", MAIN, T0, null));
        at(T0.plus(HORIZON));
        assertThat(view().runningBackups()).extracting(FleetView.RunningBackup::backupId).containsExactly("b1");
        at(clock.instant().plusMillis(1));
        assertThat(view().runningBackups()).isEmpty();
        apply(new BackupStarted(Ids.eventId(), T0, "b1", MAIN),
                new RestoreRequested(Ids.eventId(), T0, "r1", "b1", MAIN, MAIN, true, List.of(), null));
        assertThat(view().runningBackups()).isEmpty();
        assertThat(view().runningRestores()).isEmpty();
    }

    @Test
    void aCallerSeesOnlyTheProjectsItMaySee() {
        apply(registered(MAIN, "advanced"));
        apply(registered(BLOG, "advanced"));
        apply(requested("b1", MAIN, T0, null), requested("b2", BLOG, T0, null),
                requested("b3", MAIN, T0, null), new BackupFailed(Ids.eventId(), T0, "b3", MAIN, "x", List.of()),
                requested("b4", BLOG, T0, null), new BackupFailed(Ids.eventId(), T0, "b4", BLOG, "x", List.of()),
                new RestoreStarted(Ids.eventId(), T0, "r1", "b1", MAIN),
                new RestoreStarted(Ids.eventId(), T0, "r2", "b2", BLOG),
                new RestoreCompleted(Ids.eventId(), T0, "r3", "b1", MAIN, null, List.of()),
                new RestoreCompleted(Ids.eventId(), T0, "r4", "b2", BLOG, null, List.of()));

        FleetView shop = fleet.view(clock.instant(), "shop"::equals, true);
        assertThat(shop.runningBackups()).extracting(FleetView.RunningBackup::backupId).containsExactly("b1");
        assertThat(shop.failedBackups()).extracting(FleetView.FailedBackup::backupId).containsExactly("b3");
        assertThat(shop.runningRestores()).extracting(FleetView.FleetRestore::restoreId).containsExactly("r1");
        assertThat(shop.recentRestores()).extracting(FleetView.FleetRestore::restoreId).containsExactly("r3");
        FleetView blog = fleet.view(clock.instant(), "blog"::equals, true);
        assertThat(blog.runningBackups()).extracting(FleetView.RunningBackup::backupId).containsExactly("b2");
        assertThat(blog.failedBackups()).extracting(FleetView.FailedBackup::backupId).containsExactly("b4");
        assertThat(blog.runningRestores()).extracting(FleetView.FleetRestore::restoreId).containsExactly("r2");
        assertThat(blog.recentRestores()).extracting(FleetView.FleetRestore::restoreId).containsExactly("r4");
        FleetView nothing = fleet.view(clock.instant(), p -> false, true);
        assertThat(List.of(nothing.runningBackups(), nothing.failedBackups(), nothing.outOfSchedule(),
                nothing.runningRestores(), nothing.recentRestores())).allSatisfy(l -> assertThat(l).isEmpty());

        at(T0.plus(Duration.ofHours(27)));
        assertThat(view().outOfSchedule()).extracting(FleetView.OutOfSchedule::project)
                .containsExactlyInAnyOrder("blog", "shop");
        assertThat(fleet.view(clock.instant(), "blog"::equals, true).outOfSchedule())
                .extracting(FleetView.OutOfSchedule::project).containsExactly("blog");
        assertThat(fleet.view(clock.instant(), p -> false, true).outOfSchedule()).isEmpty();
    }

    static Event[] registered(EnvironmentRef environment, String schedule) {
        return new Event[] {project(environment.project(), "production", schedule, T0.minusSeconds(60)),
                upserted(environment, "production", "active", T0.minusSeconds(60))};
    }

    void apply(Event[] events, Event... more) {
        apply(events);
        apply(more);
    }

    static ProjectUpserted project(String project, String plan, String schedule, Instant at) {
        return new ProjectUpserted(Ids.eventId(), at, project, "enterprise", plan, "Europe/Paris", schedule);
    }

    static EnvironmentUpserted upserted(EnvironmentRef environment, String type, String status, Instant at) {
        return new EnvironmentUpserted(Ids.eventId(), at, environment, type, status, null, List.of());
    }

    static BackupRequested requested(String id, EnvironmentRef environment, Instant at, Instant slot) {
        return new BackupRequested(Ids.eventId(), at, id, environment, slot == null, slot != null,
                slot == null ? "api" : "schedule", null, List.of(), null, slot);
    }

    static BackupRequested requestedManual(String id, EnvironmentRef environment, Instant at) {
        return requested(id, environment, at, null);
    }

    static BackupCompleted completed(String id, EnvironmentRef environment, Instant at) {
        return new BackupCompleted(Ids.eventId(), at, id, environment, true, false, null, List.of(), 10, 5, 1L, 0);
    }

    static PartResult part(String name, PartStatus status, String error) {
        return new PartResult(name, "postgresql", status, 0, 0, null, error);
    }
}
