package io.lifeboat.retention;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupExpired;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What expires and when, published once: events in through Kafka, decisions read back from Kafka. */
class ExpiryIntegrationTests extends ScenarioSupport {

    @Test
    void anAdvancedProductionEnvironmentKeepsDailyWeeklyAndMonthlyBackupsAndDeletesTheRest() {
        EnvironmentRef main = register("adv", "advanced", "main", "production");
        List<String> b = new ArrayList<>();
        Map<String, Instant> taken = new LinkedHashMap<>();
        for (int day = 0; day < 10; day++) {
            at(LocalDateTime.of(2026, 1, 5 + day, 4, 0));
            String id = backup(main, true, "schedule");
            taken.put(id, now().minus(Duration.ofMinutes(10)));
            b.add(id);
            if (day == 6) {
                assertThat(assessed(main).get(b.get(1)).expiresAt()).isEqualTo(Instant.parse("2026-01-12T23:00:00Z"));
            }
        }
        fixture.awaitQuiet();
        assertThat(deletionRequests(main)).containsOnlyKeys(b.get(1), b.get(2), b.get(3));
        assertThat(deletionRequests(main).values()).containsOnly("expired");
        assertAssessed(main, b.get(9), "2026-01-20T23:00:00Z", "daily 2026-01-14");
        assertAssessedAsTheEngineDecides(main, taken);

        at(LocalDateTime.of(2026, 1, 21, 1, 0));
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(deletionRequests(main)).containsOnlyKeys(b.get(1), b.get(2), b.get(3), b.get(4), b.get(5),
                b.get(6), b.get(8), b.get(9));
        assertThat(deletionRequests(main).values()).containsOnly("expired");
        assertThat(deleted(main)).containsExactlyInAnyOrderElementsOf(deletionRequests(main).keySet());
        assertAssessedAsTheEngineDecides(main, taken);
        for (BackupExpired expired : fixture.published(BackupExpired.class, main.key())) {
            assertThat(expired.reason()).isEqualTo("expired");
            assertThat(expired.details()).isNotEmpty().allMatch(d -> d.startsWith("expired: "))
                    .isEqualTo(assessed(main).get(expired.backupId()).reasons());
            assertThat(assessed(main).get(expired.backupId()).kept()).isFalse();
        }
    }

    /**
     * The scheduler was down over the night: the slot of 2026-02-10T04:00 was caught up at 00:30 on the 11th.
     * It counts for the 10th, its slot, so the 11th's own backup is kept instead of being deleted as a second
     * backup of the 11th.
     */
    @Test
    void aSlotCaughtUpAfterMidnightCountsForItsOwnDayAndTheNextDaysBackupIsKept() {
        at(LocalDateTime.of(2026, 2, 9, 4, 0)); // first, and before the later tests' days: they share the clock
        EnvironmentRef main = register("late", "basic", "main", "production");
        String monday = scheduled(main, LocalDateTime.of(2026, 2, 9, 4, 0));
        at(LocalDateTime.of(2026, 2, 11, 0, 30));
        String late = scheduled(main, LocalDateTime.of(2026, 2, 10, 4, 0));
        at(LocalDateTime.of(2026, 2, 11, 4, 0));
        String wednesday = scheduled(main, LocalDateTime.of(2026, 2, 11, 4, 0));
        fixture.awaitQuiet();

        assertThat(deletionRequests(main)).containsExactly(Map.entry(monday, "expired"));
        assertAssessed(main, late, "2026-02-12T23:00:00Z", "daily 2026-02-10");
        assertAssessed(main, wednesday, "2026-02-13T23:00:00Z", "daily 2026-02-11");
        assertThat(fixture.jdbc().queryForObject("SELECT scheduled_for FROM backups WHERE backup_id = ?",
                Timestamp.class, late).toInstant()).isEqualTo(LocalDateTime.of(2026, 2, 10, 4, 0).atZone(PARIS)
                .toInstant());
    }

    @Test
    void aRunningManualBackupReplacesNothingUntilItHasCompleted() {
        EnvironmentRef staging = register("man", "advanced", "staging", "staging");
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
        String m1 = backup(staging, false, "api");
        String m2 = backup(staging, false, "api");
        String m3 = requested(staging, false, "api");
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(deletionRequests(staging)).isEmpty();

        complete(staging, m3, false);
        await().untilAsserted(() -> assertThat(deleted(staging)).containsExactly(m1));
        assertThat(deletionRequests(staging)).containsExactly(Map.entry(m1, "replaced"));
        assertThat(fixture.published(BackupExpired.class, staging.project())).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("replaced");
            assertThat(e.details()).containsExactly("expired: replaced by newer manual backups");
        });
        assertAssessed(staging, m2, null, "manual 2 of 2");
        assertAssessed(staging, m3, null, "manual 1 of 2");
    }

    @Test
    void redeliveredEventsAndRepeatedEvaluationsPublishNothingNew() {
        EnvironmentRef staging = register("idem", "basic", "staging", "staging");
        at(LocalDateTime.of(2026, 3, 7, 9, 0));
        for (int i = 0; i < 4; i++) {
            backup(staging, false, "api");
        }
        await().untilAsserted(() -> assertThat(deleted(staging)).hasSize(2));
        fixture.awaitQuiet();
        List<Event> before = published(staging);

        send(sent.toArray(Event[]::new));
        fixture.pass();
        fixture.pass();
        fixture.awaitQuiet();
        assertThat(published(staging)).hasSameSizeAs(before);
        assertThat(fixture.jdbc().queryForObject("SELECT count(*) FROM deletions WHERE project = ?", Integer.class,
                staging.project())).isEqualTo(2);
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndTheCopyMovesOn() {
        fixture.sendRaw(Topics.RESTORE_EVENTS, "acme/main", "not an event");
        fixture.sendRaw(Topics.ENVIRONMENTS, "acme", "{\"type\":\"project.upserted\",\"schema_version\":9}");
        EnvironmentRef staging = register("dlq", "basic", "staging", "staging");
        at(LocalDateTime.of(2026, 3, 8, 9, 0));
        String m1 = backup(staging, false, "api");
        assertThat(assessed(staging).get(m1).kept()).isTrue();
        await().untilAsserted(() -> assertThat(fixture.deadLetterOrigins()).containsExactlyInAnyOrder(
                fixture.namespace + Topics.RESTORE_EVENTS, fixture.namespace + Topics.ENVIRONMENTS));
    }

    @Test
    void nothingButHealthIsServedOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Function<String, HttpResponse<String>> get = path -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(get.apply("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get.apply("/actuator").body()).contains("/actuator/health").doesNotContain("/actuator/info");
        for (String path : List.of("/actuator/info", "/actuator/env", "/", "/backups")) {
            assertThat(get.apply(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aTombstoneRetentionOutsideSevenDaysToSixMonthsIsRefusedAtStartup() {
        for (String retention : List.of("6d", "185d")) {
            assertThatThrownBy(() -> RetentionServiceApplication.builder()
                    .run(fixture.arguments("--lifeboat.retention.tombstone-retention=" + retention)))
                    .rootCause().hasMessageContaining("tombstones must be kept between 7 days and 6 months");
        }
    }
}
