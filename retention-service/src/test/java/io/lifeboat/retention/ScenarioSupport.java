package io.lifeboat.retention;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupRetentionAssessed;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.retention.policy.BackupFacts;
import io.lifeboat.retention.policy.Decision;
import io.lifeboat.retention.policy.EnvironmentKind;
import io.lifeboat.retention.policy.Policy;
import io.lifeboat.retention.policy.RetentionEngine;
import io.lifeboat.retention.policy.RetentionOptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the integration tests share: one retention service on the real infrastructure for the whole run, events
 * as the gateway, scheduler, snapshot coordinator and restore worker publish them, and what the service
 * published. Each test has projects of its own; the clock is moved by hand, so days pass in milliseconds.
 */
abstract class ScenarioSupport {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final RetentionFixture fixture = RetentionFixture.shared();
    final List<Event> sent = new ArrayList<>();

    EnvironmentRef register(String prefix, String schedule, String environment, String type) {
        String project = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        send(new ProjectUpserted(Ids.eventId(), now(), project, "enterprise", "production", PARIS.getId(), schedule));
        return environment(project, environment, type);
    }

    EnvironmentRef environment(String project, String environment, String type) {
        EnvironmentRef ref = new EnvironmentRef(project, environment);
        send(new EnvironmentUpserted(Ids.eventId(), now(), ref, type, "active", null, List.of()));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM environments e JOIN projects p "
                + "ON p.project = e.project WHERE e.project = ? AND e.name = ?", project, environment).size() == 1);
        return ref;
    }

    /** A backup requested, then completed 10 minutes later; returns once it was assessed. */
    String backup(EnvironmentRef ref, boolean automated, String trigger) {
        String id = requested(ref, automated, trigger);
        fixture.clock.advance(Duration.ofMinutes(10));
        complete(ref, id, automated);
        await().until(() -> assessed(ref).containsKey(id));
        return id;
    }

    String requested(EnvironmentRef ref, boolean automated, String trigger) {
        String id = Ids.timeOrdered(fixture.clock);
        send(new BackupRequested(Ids.eventId(), now(), id, ref, false, automated, trigger, null, List.of(), null));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM backups WHERE backup_id = ?", id).size() == 1);
        return id;
    }

    /** An automated backup the scheduler requested now for {@code slot}, completed 10 minutes later; assessed. */
    String scheduled(EnvironmentRef ref, LocalDateTime slot) {
        String id = Ids.timeOrdered(fixture.clock);
        send(new BackupRequested(Ids.eventId(), now(), id, ref, false, true, "schedule", null, List.of(), null,
                slot.atZone(PARIS).toInstant()));
        fixture.clock.advance(Duration.ofMinutes(10));
        complete(ref, id, true);
        await().until(() -> assessed(ref).containsKey(id));
        return id;
    }

    /** A manual backup the gateway queued behind another operation of the environment. */
    String queued(EnvironmentRef ref, String trigger) {
        String id = Ids.timeOrdered(fixture.clock);
        send(new BackupQueued(Ids.eventId(), now(), id, ref, false, trigger));
        await().until(() -> fixture.jdbc().queryForList("SELECT 1 FROM backups WHERE backup_id = ? "
                + "AND status = 'QUEUED'", id).size() == 1);
        return id;
    }

    void complete(EnvironmentRef ref, String id, boolean automated) {
        send(new BackupCompleted(Ids.eventId(), now(), id, ref, false, automated, null, List.of(), 1, 1, null, 0));
    }

    void send(Event... events) {
        sent.addAll(List.of(events));
        fixture.send(events);
    }

    /** What the service published, not what the test sent. */
    List<Event> published(EnvironmentRef ref) {
        return fixture.published(Event.class, ref.key()).stream().filter(e -> e instanceof BackupRetentionAssessed
                || e instanceof BackupExpired || e instanceof BackupDeletionRequested || e instanceof BackupDeleted)
                .toList();
    }

    Map<String, BackupRetentionAssessed> assessed(EnvironmentRef ref) {
        return fixture.latest(BackupRetentionAssessed.class, ref.key(), BackupRetentionAssessed::backupId);
    }

    /** The last assessment of each backup still there is the engine's decision on them, in the project's zone. */
    void assertAssessedAsTheEngineDecides(EnvironmentRef ref, Map<String, Instant> taken) {
        var requested = deletionRequests(ref).keySet();
        List<BackupFacts> remaining = taken.entrySet().stream().filter(e -> !requested.contains(e.getKey()))
                .map(e -> new BackupFacts(e.getKey(), e.getValue(), true, "schedule")).toList();
        for (Decision decision : RetentionEngine.evaluate(Policy.ADVANCED, EnvironmentKind.PRODUCTION, remaining,
                now(), PARIS, RetentionOptions.DEFAULTS).decisions()) {
            BackupRetentionAssessed assessment = assessed(ref).get(decision.id());
            assertThat(new Decision(assessment.backupId(), assessment.kept(), assessment.reasons(),
                    assessment.expiresAt())).isEqualTo(decision);
        }
    }

    void assertAssessed(EnvironmentRef ref, String id, String expiresAt, String... reasons) {
        BackupRetentionAssessed assessment = assessed(ref).get(id);
        assertThat(assessment.kept()).as("kept").isTrue();
        assertThat(assessment.expiresAt()).isEqualTo(expiresAt == null ? null : Instant.parse(expiresAt));
        assertThat(assessment.reasons()).containsExactly(reasons);
    }

    /** Deletion requests by backup id, with their reason. */
    Map<String, String> deletionRequests(EnvironmentRef ref) {
        List<BackupDeletionRequested> requests = fixture.published(BackupDeletionRequested.class, ref.key());
        assertThat(requests).extracting(BackupDeletionRequested::backupId).doesNotHaveDuplicates();
        return requests.stream().collect(Collectors.toMap(BackupDeletionRequested::backupId,
                BackupDeletionRequested::reason));
    }

    List<String> deleted(EnvironmentRef ref) {
        return fixture.published(BackupDeleted.class, ref.key()).stream().map(BackupDeleted::backupId).toList();
    }

    void at(LocalDateTime local) {
        fixture.clock.set(local.atZone(PARIS).toInstant());
    }

    Instant now() {
        return fixture.clock.instant();
    }
}
