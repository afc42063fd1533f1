package io.lifeboat.connector.mariadb;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.ExternalProcess;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.connector.StagingNames;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.TreeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/**
 * Restores the dump into a staging database ({@code <db>_lbr_<id>}) and checks there what could stop the
 * switch-over: definers and grantees that the target lacks. Switching over records what the live database
 * holds in the kept-aside database ({@code <db>_lbo_<id>}, see {@link SwitchState}), moves the live tables
 * there and the staged ones into the live database in one atomic {@code RENAME TABLE}, then recreates the
 * staged definitions (routines, views, triggers, events) in the live database and gives it the backup's
 * character set and grants. Switching back does the reverse from whatever state that left; committing drops
 * the kept-aside database.
 */
final class MariaDbRestore implements StagedRestore {

    private static final Logger log = LoggerFactory.getLogger(MariaDbRestore.class);

    /** Test seam: runs before each step of a switch-over or switch-back, with the step's name; may throw. */
    static volatile Consumer<String> beforeStep = step -> { };

    private final MariaDbConnector.Target target;
    private final String staging;
    private final String aside;
    /** The backup's facts; null for a handle from {@link #resume}. */
    private final Map<String, String> facts;
    private final long bytes;
    private Set<String> replacedDefiners = Set.of();
    private Map<String, Long> objects = Map.of();

    private MariaDbRestore(MariaDbConnector.Target target, Map<String, String> facts, long bytes) {
        this.target = target;
        this.staging = name(target.database(), "lbr", target.part().operationId());
        this.aside = name(target.database(), "lbo", target.part().operationId());
        this.facts = facts;
        this.bytes = bytes;
    }

    /** The handle of a restore that an earlier run staged, from the names it used. */
    static MariaDbRestore resume(MariaDbConnector.Target target) {
        return new MariaDbRestore(target, null, 0);
    }

    static MariaDbRestore stage(MariaDbConnector.Target target, SnapshotReader stored) {
        Map<String, String> facts = stored.manifest().metadata();
        MariaDbRestore restore = new MariaDbRestore(target, facts, stored.manifest().bytes());
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(restore.staging));
            s.execute("CREATE DATABASE " + quote(restore.staging) + charset(facts.get("charset"),
                    facts.get("collation")));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": creating staging database " + restore.staging
                    + " failed: " + e.getMessage(), false, e);
        }
        try {
            TreeEntry dump;
            try (Stream<TreeEntry> entries = stored.entries()) {
                dump = entries.filter(e -> e.path().equals("dump.sql")).findFirst().orElseThrow(() ->
                        new ConnectorException(target.name() + ": the backup holds no dump.sql", true));
            }
            restore.load(stored, dump);
            restore.check();
            return restore;
        } catch (RuntimeException e) {
            restore.close();
            throw e;
        }
    }

    private void load(SnapshotReader stored, TreeEntry dump) {
        List<String> command = new ArrayList<>(List.of("mariadb", "--binary-mode", "--default-character-set=utf8mb4"));
        command.addAll(target.connectionArguments());
        command.add(staging);
        String what = target.name() + ": restoring the dump";
        try (InputStream in = stored.open(dump)) {
            ExternalProcess.feed(command, target.environment(), what, in);
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
    }

    /**
     * What would make the switch-over fail, found while nothing is switched: definers and grantees that the
     * target lacks, stored grants that do not parse, live definitions that cannot be read, a live table with
     * the name the switch-over needs.
     */
    private void check() {
        String nothing = " (nothing was switched)";
        try (Connection c = target.connect()) {
            Definition.Session.prepare(c); // as the switch-over reads the definitions
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                q.setString(1, target.database());
                q.setString(2, SwitchState.TABLE);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        throw new ConnectorException(target.name() + ": the live database holds a table named "
                                + SwitchState.TABLE + ", a name a restore needs for itself; rename it" + nothing, true);
                    }
                }
            }
            Schema.read(c, target.database()); // the switch-over keeps the live definitions: they must be readable
            List<Schema.Named> named = Schema.named(c, staging);
            Set<String> missing = Accounts.missingDefiners(c, named);
            if (!missing.isEmpty() && !target.part().options().replaceMissingDefiners()) {
                throw new ConnectorException(target.name() + ": definers that do not exist on the target: "
                        + Accounts.describe(named, missing) + "; create them, or restore with "
                        + "replace_missing_definers to make the restoring user their definer" + nothing, true);
            }
            replacedDefiners = missing;
            Schema staged = incoming(c);
            if (facts.containsKey(Grants.FACT)) {
                List<String> grantees = Grants.missingAccounts(c, Grants.decode(facts.get(Grants.FACT)));
                if (!grantees.isEmpty()) {
                    throw new ConnectorException(target.name() + ": the backup grants privileges on the database to "
                            + String.join(", ", grantees) + ", which the target lacks; create them and restore again"
                            + nothing, true);
                }
            }
            objects = staged.counts();
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": checking the staged database failed: " + e.getMessage(),
                    false, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConnectorException(target.name() + ": " + e.getMessage() + nothing, true, e);
        }
    }

    /** The staged schema, with the definers that the target lacks replaced by the restoring user. */
    private Schema incoming(Connection c) throws SQLException {
        Schema staged = Schema.read(c, staging);
        List<Definition> definitions = new ArrayList<>();
        for (Definition d : staged.definitions()) {
            definitions.add(replacedDefiners.contains(d.definer()) ? d.withCurrentUserAsDefiner() : d);
        }
        return new Schema(staged.tables(), definitions);
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public Map<String, Long> objects() {
        return objects;
    }

    /**
     * A switch waits for the application's open transactions on the live tables for 2 minutes at most (the
     * server's default is a year), and then fails, to be switched back, rather than hold the restore forever.
     */
    private static final String LOCK_WAIT = "SET SESSION lock_wait_timeout = 120";

    @Override
    public void switchOver() {
        if (facts == null) {
            throw new IllegalStateException(target.name() + ": a resumed restore cannot switch over");
        }
        String live = target.database();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute(LOCK_WAIT);
            Definition.Session session = Definition.Session.prepare(c);
            String[] before = charsetOf(c, live);
            Schema old = before == null ? Schema.EMPTY : Schema.read(c, live);
            Schema incoming = incoming(c);
            new SwitchState(before != null, before == null ? null : before[0], before == null ? null : before[1],
                    Grants.read(c, live), old.tables(), old.definitions(), true, false).record(c, aside);
            step("create");
            if (before == null) {
                s.execute("CREATE DATABASE " + quote(live) + charset(facts.get("charset"), facts.get("collation")));
            }
            step("drop");
            Schema.dropDefinitions(c, live);
            Schema.dropDefinitions(c, staging);
            List<String[]> moves = new ArrayList<>();
            old.tables().forEach(t -> moves.add(new String[] {live, t, aside, t}));
            incoming.tables().forEach(t -> moves.add(new String[] {staging, t, live, t}));
            step("rename");
            Schema.rename(s, moves);
            step("definitions");
            s.execute("ALTER DATABASE " + quote(live) + charset(facts.get("charset"), facts.get("collation")));
            incoming.createDefinitions(c, staging, live, session);
            step("grants");
            if (facts.containsKey(Grants.FACT)) {
                Grants.replace(c, live, Grants.decode(facts.get(Grants.FACT)));
            }
            SwitchState.markSwitched(c, aside);
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": switching to the restored database failed: "
                    + e.getMessage(), false, e);
        }
    }

    /**
     * From any state a switch-over left: the restored tables go back to staging (and are dropped with it), the
     * kept-aside ones come back, and so do the definitions, character set and grants as they were. A live
     * database that did not exist before is dropped. The kept-aside database goes last, so that a switch-back
     * that stopped midway is finished by the next.
     */
    @Override
    public void switchBack() {
        String live = target.database();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute(LOCK_WAIT);
            Definition.Session session = Definition.Session.prepare(c);
            Optional<SwitchState> found = SwitchState.read(c, aside);
            if (found.isEmpty() || !found.get().ready()) {
                dropIfEmpty(c, aside);
                return;
            }
            SwitchState state = found.get();
            s.execute("CREATE DATABASE IF NOT EXISTS " + quote(live));
            step("back:drop");
            Schema.dropDefinitions(c, live);
            List<String> kept = new ArrayList<>(Schema.tables(c, aside));
            kept.remove(SwitchState.TABLE);
            if (state.tables().isEmpty() || state.tables().stream().anyMatch(kept::contains)) {
                s.execute("DROP DATABASE IF EXISTS " + quote(staging));
                s.execute("CREATE DATABASE " + quote(staging));
                List<String[]> moves = new ArrayList<>();
                Schema.tables(c, live).forEach(t -> moves.add(new String[] {live, t, staging, t}));
                kept.forEach(t -> moves.add(new String[] {aside, t, live, t}));
                step("back:rename");
                Schema.rename(s, moves);
            }
            step("back:definitions");
            if (state.liveExisted()) {
                s.execute("ALTER DATABASE " + quote(live) + charset(state.charset(), state.collation()));
            }
            state.schema().createDefinitions(c, live, live, session);
            step("back:grants");
            List<Grants.Grant> grants = new ArrayList<>();
            for (Grants.Grant g : state.grants()) {
                if (Accounts.exists(c, g.user(), g.host())) {
                    grants.add(g);
                } else {
                    log.warn("{}: the grant on the database to {} is not given back: the account was dropped",
                            target.name(), g.display());
                }
            }
            Grants.replace(c, live, grants);
            step("back:cleanup");
            if (!state.liveExisted()) {
                s.execute("DROP DATABASE " + quote(live));
            }
            s.execute("DROP DATABASE IF EXISTS " + quote(staging));
            s.execute("DROP DATABASE " + quote(aside));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": switching back to the database as it was failed: "
                    + e.getMessage(), false, e);
        }
    }

    /** Drops the kept-aside database; only once the switch-over completed, since it holds the data replaced. */
    @Override
    public void commit() {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            Optional<SwitchState> state = SwitchState.read(c, aside);
            if (state.isEmpty()) {
                dropIfEmpty(c, aside);
                return;
            }
            if (!state.get().switched()) {
                throw new ConnectorException(target.name() + ": the switch-over did not complete, so it cannot be "
                        + "committed; switch back instead (" + aside + " holds the database as it was)", true);
            }
            s.execute("DROP DATABASE " + quote(aside));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": dropping the database as it was before the restore ("
                    + aside + ") failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void close() {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(staging));
        } catch (SQLException | ConnectorException e) {
            log.warn("{}: staging database {} was not dropped: {}", target.name(), staging, e.getMessage());
        }
    }

    /** Drops a kept-aside database that holds no table but the state: one whose switch-over changed nothing. */
    private static void dropIfEmpty(Connection c, String aside) throws SQLException {
        List<String> tables = new ArrayList<>(Schema.tables(c, aside));
        tables.remove(SwitchState.TABLE);
        if (tables.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + quote(aside));
            }
        }
    }

    private static void step(String name) {
        beforeStep.accept(name);
    }

    /** {@code [charset, collation]} of {@code database}, or null when it does not exist. */
    private static String[] charsetOf(Connection c, String database) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    private static String charset(String charset, String collation) {
        return " CHARACTER SET " + (charset == null ? "utf8mb4" : charset).replaceAll("[^A-Za-z0-9_]", "")
                + (collation == null ? "" : " COLLATE " + collation.replaceAll("[^A-Za-z0-9_]", ""));
    }

    static String name(String database, String kind, String operationId) {
        return StagingNames.beside(database, kind, operationId, 64);
    }
}
