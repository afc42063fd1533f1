package io.lifeboat.scheduler.slots;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.scheduler.SchedulerServiceApplication;
import io.lifeboat.scheduler.environments.EnvironmentCopy;
import io.lifeboat.support.events.OutboxRelay;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on a real database: two instances at once, restarts, downtime, DST, plans and statuses.
 * The clock is injected and moved by hand, so a year of slots passes in seconds.
 */
class AutomatedBackupsIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static String database;
    final MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS).toInstant());
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void createDatabase() throws Exception {
        database = PgFixtures.uniqueName("lb_sched");
        PgFixtures.create(database);
    }

    @AfterAll
    static void dropDatabase() {
        PgFixtures.drop(database);
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        new JdbcTemplate(dataSource()).execute("DROP SCHEMA IF EXISTS scheduler CASCADE");
    }

    ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = SchedulerServiceApplication.builder()
                .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
                .run("--spring.datasource.url=" + TestInfra.postgresUrl(database),
                        "--spring.datasource.username=" + TestInfra.postgresUser(),
                        "--spring.cloud.stream.kafka.binder.brokers=" + TestInfra.kafkaBootstrap(),
                        "--lifeboat.kafka.namespace=sched" + UUID.randomUUID().toString().substring(0, 6) + ".",
                        "--lifeboat.scheduler.tick=1h", "--lifeboat.scheduler.spread=60m",
                        "--lifeboat.scheduler.rate-per-second=100000", "--spring.main.web-application-type=none",
                        "--spring.main.banner-mode=off");
        instances.add(context);
        return context;
    }

    static javax.sql.DataSource dataSource() {
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(TestInfra.postgresUrl(database),
                TestInfra.postgresUser(), "");
    }

    @Test
    void everySlotFiresExactlyOnceWithTwoInstancesTickingAtOnce() {
        var a = start();
        var b = start();
        register(a, "acme", "enterprise", "production", "premium", "main", "production", "active");
        register(a, "shop", "professional", "production", "basic", "main", "production", "active");
        for (int hour = 0; hour < 24 * 10; hour++) {
            clock.advance(Duration.ofHours(1));
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> ticker(a).tick());
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> ticker(b).tick());
            first.join();
            second.join();
        }
        JdbcTemplate jdbc = jdbc(a);
        String in2026 = " AND slot_key LIKE '%@2026-%'";
        assertThat(jdbc.queryForObject("SELECT count(*) FROM slots WHERE project = 'acme'" + in2026, Integer.class))
                .isEqualTo(10 * 4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM slots WHERE project = 'shop'" + in2026, Integer.class))
                .isEqualTo(10);
        Integer slots = jdbc.queryForObject("SELECT count(*) FROM slots", Integer.class);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT backup_id) FROM slots", Integer.class)).isEqualTo(slots);
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            relay(a);
            relay(b);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class)).isZero();
        });
    }

    @Test
    void afterDowntimeAMissedSlotFiresOnceAndARestartFiresNothingAgain() {
        var a = start();
        register(a, "acme", "enterprise", "production", "advanced", "main", "production", "active");
        clock.advance(Duration.ofHours(6));
        assertThat(ticker(a).tick()).isEqualTo(1);
        a.close();
        instances.remove(a);
        clock.advance(Duration.ofDays(3));
        var restarted = start();
        assertThat(ticker(restarted).tick()).isEqualTo(1);
        assertThat(ticker(restarted).tick()).isZero();
        assertThat(jdbc(restarted).queryForList("SELECT slot_key FROM slots ORDER BY slot_key", String.class))
                .containsExactly("acme/main@2026-01-01T04:00", "acme/main@2026-01-04T04:00");
    }

    @Test
    void onlyActiveProductionEnvironmentsOfNonDevelopmentPlansAreBackedUpAndSkipsAreRecorded() {
        var a = start();
        register(a, "acme", "enterprise", "production", "advanced", "main", "production", "active");
        register(a, "acme", "enterprise", "production", "advanced", "staging", "staging", "active");
        register(a, "idle", "enterprise", "production", "advanced", "main", "production", "inactive");
        register(a, "dev", "professional", "development", "basic", "main", "production", "active");
        clock.advance(Duration.ofHours(6));
        assertThat(ticker(a).tick()).isEqualTo(1);
        assertThat(jdbc(a).queryForList("SELECT project || ':' || status || ':' || coalesce(reason, '') FROM slots "
                + "ORDER BY project", String.class)).containsExactly("acme:FIRED:",
                "dev:SKIPPED:the project is on a development plan", "idle:SKIPPED:the environment is inactive");
    }

    @Test
    void aYearOfSlotsAcrossDstFiresOncePerSlot() {
        var a = start();
        register(a, "acme", "enterprise", "production", "premium", "main", "production", "active");
        Instant end = ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, PARIS).toInstant();
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(90));
            ticker(a).tick();
        }
        assertThat(jdbc(a).queryForObject("SELECT count(*) FROM slots WHERE slot_key LIKE '%@2026-%'", Integer.class))
                .isEqualTo(365 * 4);
        assertThat(jdbc(a).queryForList("SELECT slot_key FROM slots WHERE slot_key LIKE '%2026-03-29%' OR "
                + "slot_key LIKE '%2026-10-25%'", String.class)).hasSize(8);
    }

    @Test
    void aChangeOfScheduleTakesEffectFromTheNextSlot() {
        var a = start();
        register(a, "acme", "enterprise", "production", "advanced", "main", "production", "active");
        clock.advance(Duration.ofHours(6));
        ticker(a).tick();
        register(a, "acme", "enterprise", "production", "premium", "main", "production", "active");
        clock.advance(Duration.ofHours(6));
        ticker(a).tick();
        assertThat(jdbc(a).queryForList("SELECT slot_key FROM slots ORDER BY slot_key", String.class))
                .containsExactly("acme/main@2026-01-01T04:00", "acme/main@2026-01-01T10:00");
    }

    @Test
    void aNewEnvironmentWaitsForItsFirstSlotInsteadOfCatchingUpOnEarlierOnes() {
        var a = start();
        clock.advance(Duration.ofHours(12));
        register(a, "late", "enterprise", "production", "advanced", "main", "production", "active");
        assertThat(ticker(a).tick()).isZero();
        clock.advance(Duration.ofHours(18));
        assertThat(ticker(a).tick()).isEqualTo(1);
        assertThat(jdbc(a).queryForList("SELECT slot_key FROM slots WHERE project = 'late'", String.class))
                .containsExactly("late/main@2026-01-02T04:00");
    }

    @Test
    void aTimeZoneChangeNeverFiresASlotTwiceAndTheNextSlotIsInTheNewZone() {
        var a = start();
        register(a, "acme", "enterprise", "production", "advanced", "main", "production", "active");
        clock.advance(Duration.ofHours(6));
        assertThat(ticker(a).tick()).isEqualTo(1);
        register(a, "acme", "enterprise", "production", "advanced", "main", "production", "active", "Asia/Tokyo");
        assertThat(ticker(a).tick()).as("Tokyo's 2026-01-01T04:00 already fired under Paris").isZero();
        clock.advance(Duration.ofHours(15));
        assertThat(ticker(a).tick()).as("21:00 in Paris is past 04:00 and the spread in Tokyo").isEqualTo(1);
        assertThat(jdbc(a).queryForList("SELECT slot_key FROM slots ORDER BY slot_key", String.class))
                .containsExactly("acme/main@2026-01-01T04:00", "acme/main@2026-01-02T04:00");
    }

    @Test
    void aSlotCaughtUpAfterMidnightNamesItsSlotSoRetentionCountsItForItsOwnDay() {
        var a = start();
        register(a, "acme", "enterprise", "production", "advanced", "main", "production", "active");
        clock.advance(Duration.ofHours(24).plusMinutes(30)); // down over 2026-01-01T04:00, up at 00:30 the next day
        assertThat(ticker(a).tick()).isEqualTo(1);
        clock.advance(Duration.ofHours(5));
        assertThat(ticker(a).tick()).isEqualTo(1);

        List<BackupRequested> requested = scheduledBackups(a, 2);
        assertThat(requested).extracting(BackupRequested::scheduledFor).containsExactly(
                ZonedDateTime.of(2026, 1, 1, 4, 0, 0, 0, PARIS).toInstant(),
                ZonedDateTime.of(2026, 1, 2, 4, 0, 0, 0, PARIS).toInstant());
        assertThat(requested.getFirst().occurredAt()).as("it ran the next day")
                .isEqualTo(ZonedDateTime.of(2026, 1, 2, 0, 30, 0, 0, PARIS).toInstant());
        assertThat(requested).allMatch(r -> r.automated() && r.trigger().equals("schedule"));
    }

    /** What the scheduler published on its topic, once the outbox is empty. */
    static List<BackupRequested> scheduledBackups(ConfigurableApplicationContext context, int expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            relay(context);
            assertThat(jdbc(context).queryForObject("SELECT count(*) FROM outbox", Integer.class)).isZero();
        });
        String topic = context.getEnvironment().getProperty("lifeboat.kafka.namespace") + Topics.SCHEDULED_BACKUPS;
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfra.kafkaBootstrap()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<BackupRequested> events = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> events.add(EventCodec.decode(r.value(), BackupRequested.class)));
                assertThat(events).hasSize(expected);
            });
            events.sort(java.util.Comparator.comparing(BackupRequested::occurredAt));
            return events;
        }
    }

    static AutomatedBackups ticker(ConfigurableApplicationContext context) {
        return context.getBean(AutomatedBackups.class);
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class);
    }

    static void relay(ConfigurableApplicationContext context) {
        context.getBean(OutboxRelay.class).drain();
    }

    void register(ConfigurableApplicationContext context, String project, String tier, String plan, String schedule,
                  String environment, String type, String status) {
        register(context, project, tier, plan, schedule, environment, type, status, "Europe/Paris");
    }

    void register(ConfigurableApplicationContext context, String project, String tier, String plan, String schedule,
                  String environment, String type, String status, String zone) {
        EnvironmentCopy copy = context.getBean(EnvironmentCopy.class);
        copy.apply(new ProjectUpserted(Ids.eventId(), clock.instant(), project, tier, plan, zone, schedule));
        copy.apply(new EnvironmentUpserted(Ids.eventId(), clock.instant(), new EnvironmentRef(project, environment),
                type, status, "abc1234", List.of(new PartSpec("code", "code", Map.of("commit", "abc1234"), null))));
    }
}
