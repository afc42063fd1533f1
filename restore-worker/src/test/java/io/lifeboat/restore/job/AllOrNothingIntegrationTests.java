package io.lifeboat.restore.job;

import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restore switches every part over or none: a switch-over that fails after others succeeded, for a real cause
 * or an injected one, and a run that dies between two parts' switch-overs, all leave every part as it was.
 */
class AllOrNothingIntegrationTests {

    private final RestoreFixture fixture = RestoreFixture.shared();
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(PgFixtures::drop);
    }

    @Test
    void aFaultAfterTheLastPartSwitchedSwitchesEveryPartBack() throws Exception {
        Environment env = environment();
        String id = Ids.timeOrdered(fixture.clock);
        fixture.faultAfter.put(id + "/assets", () -> new IllegalStateException("the disk filled"));

        fixture.job().run(env.request(id));

        assertThat(env.fingerprint()).isEqualTo(env.before);
        assertThat(failure(id)).satisfies(failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("switching part assets failed: the disk filled")
                    .contains("[files, database, assets]").contains("switched back");
        });
        env.assertNothingLeftBeside();
    }

    @Test
    void aDatabaseThatWentAwayBeforeItsSwitchOverSwitchesTheMountBack() throws Exception {
        Environment env = environment();
        String id = Ids.timeOrdered(fixture.clock);
        fixture.hooks.blockHolds(id);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> fixture.job().run(env.request(id)));
        await().atMost(Duration.ofMinutes(2)).until(() -> fixture.hooks.holds(id).size() == 1);
        // everything is staged; the staging database goes away before its switch-over, as a lost server would
        String staging = PgFixtures.databasesLike(env.database + "\\_lbr\\_%").getFirst();
        try (Connection c = PgFixtures.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE \"" + staging + "\" WITH (FORCE)");
        }
        fixture.hooks.letHold(id);
        run.get();

        assertThat(env.fingerprint()).isEqualTo(env.before);
        assertThat(failure(id)).satisfies(failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("switching part database failed").contains("[files, database]");
        });
        env.assertNothingLeftBeside();
    }

    @Test
    void aRunThatDiesBetweenTwoPartsIsSwitchedBackByTheReaper() throws Exception {
        Environment env = environment();
        String id = Ids.timeOrdered(fixture.clock);
        fixture.faultAfter.put(id + "/database", () -> new ProcessDied());
        try {
            fixture.job().run(env.request(id));
        } catch (ProcessDied expected) {
            // the run stops as a killed process would: no switch-back, no ending
        }
        assertThat(env.restoredFiles()).isTrue();
        assertThat(fixture.ledger().find(id).orElseThrow().status()).isEqualTo("RUNNING");

        fixture.reaper().reap();
        assertThat(fixture.ledger().find(id).orElseThrow().status()).isEqualTo("RUNNING");
        fixture.clock.advance(RestoreFixture.LEASE);
        fixture.reaper().reap();

        assertThat(env.fingerprint()).isEqualTo(env.before);
        assertThat(failure(id)).satisfies(failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("stopped while switching").contains("[files, database]");
        });
        env.assertNothingLeftBeside();
    }

    @Test
    void aRunThatDiesAfterEveryPartSwitchedIsCompletedByTheReaper() throws Exception {
        Environment env = environment();
        String id = Ids.timeOrdered(fixture.clock);
        fixture.faultAfter.put(id + "/*", () -> new ProcessDied());
        try {
            fixture.job().run(env.request(id));
        } catch (ProcessDied expected) {
            // every part switched over; what they replaced is still kept aside
        }
        fixture.clock.advance(RestoreFixture.LEASE);
        fixture.reaper().reap();

        assertThat(env.fingerprint()).isEqualTo(env.backedUp);
        List<Event> events = fixture.published(id);
        assertThat(events).extracting(Event::getClass).containsExactly(RestoreStarted.class, RestoreCompleted.class);
        assertThat(((RestoreCompleted) events.getLast()).parts()).allSatisfy(part ->
                assertThat(part.objects()).isNotEmpty());
        env.assertNothingLeftBeside();
    }

    @Test
    void aRunThatStalledWhileTheReaperTookOverSwitchesNothingMore() throws Exception {
        Environment env = environment();
        String id = Ids.timeOrdered(fixture.clock);
        fixture.faultAfter.put(id + "/files", () -> {
            // the run stalls past its lease after its first switch-over, and a reaper takes the restore over
            fixture.clock.advance(RestoreFixture.LEASE.plusSeconds(1));
            fixture.reaper().reap();
            return null;
        });

        fixture.job().run(env.request(id));

        assertThat(env.fingerprint()).isEqualTo(env.before);
        assertThat(failure(id)).satisfies(failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("stopped while switching").contains("[files]");
        });
        env.assertNothingLeftBeside();
    }

    private RestoreFailed failure(String id) {
        List<Event> events = fixture.published(id);
        assertThat(events).extracting(Event::getClass).containsExactly(RestoreStarted.class, RestoreFailed.class);
        return (RestoreFailed) events.getLast();
    }

    /** Stands for the process being killed: not an exception the worker handles. */
    static final class ProcessDied extends Error {
    }

    /** A project with a mount, a PostgreSQL database and a second mount, backed up, then changed. */
    private Environment environment() throws Exception {
        String project = "p" + UUID.randomUUID().toString().substring(0, 8);
        Path root = fixture.files.resolve(project);
        String database = PgFixtures.uniqueName("lb_aon");
        databases.add(database);
        PgFixtures.create(database);
        PgFixtures.populate(database, 500);
        List<PartSpec> parts = List.of(
                new PartSpec("files", "mount", Map.of("path", root.resolve("files").toString()), null),
                new PartSpec("database", "postgresql", Map.of("host", TestInfra.postgresHost(),
                        "port", Integer.toString(TestInfra.postgresPort()), "database", database,
                        "user", TestInfra.postgresUser()), null),
                new PartSpec("assets", "mount", Map.of("path", root.resolve("assets").toString()), null));
        for (String mount : List.of("files", "assets")) {
            Files.createDirectories(root.resolve(mount).resolve("deep/er"));
            Files.writeString(root.resolve(mount).resolve("deep/er/a file.txt"), "backed up " + mount);
            Files.createSymbolicLink(root.resolve(mount).resolve("link"), Path.of("deep/er/a file.txt"));
        }
        Environment env = new Environment(new EnvironmentRef(project, "main"), root, database, parts);
        env.backedUp = env.fingerprint();
        env.backupId = env.backUp();
        for (String mount : List.of("files", "assets")) {
            Files.writeString(root.resolve(mount).resolve("deep/er/a file.txt"), "changed after the backup");
            Files.writeString(root.resolve(mount).resolve("new.txt"), "written after the backup");
        }
        try (Connection c = PgFixtures.connect(database); Statement s = c.createStatement()) {
            s.execute("DELETE FROM orders WHERE id % 3 = 0; DROP VIEW big_orders");
        }
        env.before = env.fingerprint();
        assertThat(env.before).isNotEqualTo(env.backedUp);
        return env;
    }

    private final class Environment {
        final EnvironmentRef ref;
        final Path root;
        final String database;
        final List<PartSpec> parts;
        String backupId;
        Map<String, Object> backedUp;
        Map<String, Object> before;

        Environment(EnvironmentRef ref, Path root, String database, List<PartSpec> parts) {
            this.ref = ref;
            this.root = root;
            this.database = database;
            this.parts = parts;
        }

        RestoreRequested request(String restoreId) {
            return new RestoreRequested(Ids.eventId(), fixture.clock.instant(), restoreId, backupId, ref, ref, false,
                    parts, fixture.hooks.hooks());
        }

        Map<String, Object> fingerprint() throws Exception {
            return Map.of("files", TreeFingerprint.of(root.resolve("files")),
                    "database", PgFingerprint.of(database),
                    "assets", TreeFingerprint.of(root.resolve("assets")));
        }

        boolean restoredFiles() throws Exception {
            return TreeFingerprint.of(root.resolve("files")).equals(backedUp.get("files"));
        }

        String backUp() {
            String id = UUID.randomUUID().toString().replace("-", "");
            var repository = fixture.repository();
            List<BackupManifest.PartRef> refs = new ArrayList<>();
            for (PartSpec part : parts) {
                var connector = new Connectors().get(part.type());
                PartContext context = new PartContext(ref, part, null, id, FileRoots.of(List.of(fixture.files + "/{project}")));
                try (SnapshotSession session = connector.openSnapshot(context);
                     SnapshotWriter writer = repository.newPart(ref.project(), ref.environment(), id, part.name(),
                             part.type())) {
                    PartManifest manifest = writer.commit(session.cut(), session.stream(writer));
                    refs.add(new BackupManifest.PartRef(manifest.part(), manifest.type(), manifest.bytes(),
                            manifest.storedBytes(), manifest.pointInTime()));
                }
            }
            repository.commitBackup(new BackupManifest(BackupManifest.FORMAT, ref.project(), ref.environment(), id,
                    fixture.clock.instant(), fixture.clock.instant(), false, false, "api", null, refs, null, 0,
                    Map.of()));
            return id;
        }

        /** No staging or kept-aside database or directory is left beside the live ones. */
        void assertNothingLeftBeside() throws Exception {
            try (Stream<Path> siblings = Files.list(root)) {
                assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("files", "assets");
            }
            assertThat(PgFixtures.databasesLike(database + "\\_%")).isEmpty();
        }
    }
}
