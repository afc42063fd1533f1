package io.lifeboat.cli.backup;

import io.lifeboat.cli.activity.ActivityStream;
import io.lifeboat.cli.activity.Event;
import io.lifeboat.cli.client.ApiClient;
import io.lifeboat.cli.output.Output;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Waits for one new backup to end. On a terminal it follows the activity stream for a progress bar and
 * polls every 5 s as a safety net, then quickly once an event says the backup ended (the catalog may lag
 * the event a little); without a stream it polls every second; without a terminal it prints status lines.
 * Start it before requesting the backup, so that no event is missed.
 */
final class BackupFollower implements AutoCloseable {

    static final Set<String> ENDED = Set.of("COMPLETED", "FAILED");

    private final Poller poller;
    private final Progress progress;
    private final ActivityStream stream;
    private volatile String backupId;
    private volatile boolean ending;

    private BackupFollower(ApiClient api, EnvironmentPaths env, Output out, Duration timeout) {
        this.poller = new Poller(timeout, out);
        if (out.terminal()) {
            this.progress = new BarProgress(out.stderr(), Clock.systemUTC(), terminalWidth());
            this.stream = ActivityStream.follow(api, env.project(), env.environment(), this::event);
        } else {
            this.progress = new StatusLines(out, "backup", b -> b.path("status").asString(""), "services");
            this.stream = null;
        }
        poller.every(this::interval);
    }

    static BackupFollower start(ApiClient api, EnvironmentPaths env, Output out, Duration timeout) {
        return new BackupFollower(api, env, out, timeout);
    }

    /** Waits until the backup is COMPLETED or FAILED, and returns it as the API last showed it. */
    JsonNode await(JsonNode accepted, ApiClient api, EnvironmentPaths env) {
        String id = accepted.path("id").asString();
        backupId = id;
        return poller.until(accepted, () -> api.get(env.backup(id)),
                b -> ENDED.contains(b.path("status").asString("")), progress,
                b -> "backup " + id + " is still " + b.path("status").asString("running")
                        + " (lifeboat backup:get " + id + " shows how it ends)");
    }

    private void event(Event event) {
        if (!event.backupId().equals(backupId)) {
            return;
        }
        progress.event(event);
        if (event.type().equals("backup.completed") || event.type().equals("backup.failed")) {
            ending = true;
            poller.wake();
        }
    }

    /** Every second without a stream; every 5 s with one; quickly once it said the backup ended. */
    private Duration interval() {
        if (ending) {
            return Duration.ofMillis(250);
        }
        return stream != null && stream.connected() ? Duration.ofSeconds(5) : Duration.ofSeconds(1);
    }

    private static int terminalWidth() {
        try {
            return Math.max(20, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80")) - 1);
        } catch (NumberFormatException e) {
            return 79;
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
        progress.close();
    }
}
