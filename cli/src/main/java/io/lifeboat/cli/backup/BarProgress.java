package io.lifeboat.cli.backup;

import io.lifeboat.cli.activity.Event;
import tools.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A backup's progress redrawn in place on a terminal: the phase from the activity stream's events (or the
 * status, until the first event), bytes from {@code backup.progressed}, the time left from the rate so far.
 */
final class BarProgress implements Progress {

    private final PrintStream err;
    private final Clock clock;
    private final int width;
    private final Instant started;
    private String phase = "requested";
    private long read;
    private long expected;
    private boolean streamed;
    private boolean drawn;

    BarProgress(PrintStream err, Clock clock, int width) {
        this.err = err;
        this.clock = clock;
        this.width = width;
        this.started = clock.instant();
    }

    @Override
    public synchronized void seen(JsonNode backup) {
        if (!streamed) {
            phase = backup.path("status").asString(phase).toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        draw();
    }

    @Override
    public synchronized void event(Event event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case "backup.started" -> phase = "started";
            case "backup.progressed" -> {
                phase = data.path("phase").asString(phase);
                read = data.path("bytes_read").asLong(read);
                expected = data.path("bytes_expected").asLong(expected);
            }
            case "backup.hold-started" -> phase = "holding writes";
            case "backup.hold-released" -> phase = "writes released";
            case "backup.part-completed" -> phase = data.path("part").path("name").asString("a part") + " stored";
            default -> {
                return;
            }
        }
        streamed = true;
        draw();
    }

    private void draw() {
        Duration elapsed = Duration.between(started, clock.instant());
        err.print("\r" + ProgressBar.line(phase, read, expected, elapsed, width) + "\033[K");
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
