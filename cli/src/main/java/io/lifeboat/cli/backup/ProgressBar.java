package io.lifeboat.cli.backup;

import io.lifeboat.cli.output.Units;

import java.time.Duration;

/** One line of progress: phase, bar, percentage, bytes and the time left. Pure, for a terminal. */
final class ProgressBar {

    private static final int MAX_BAR = 30;

    /**
     * {@code snapshot  [###############...............]  50%  50.0 MiB / 100.0 MiB  ETA 10s}, at most
     * {@code width} characters; without a known total, the bytes read (if any) and the time spent.
     */
    static String line(String phase, long read, long expected, Duration elapsed, int width) {
        String line;
        if (expected > 0) {
            double fraction = Math.min(1.0, Math.max(0, read) / (double) expected);
            String stats = (int) Math.floor(fraction * 100) + "%  " + Units.bytes(read) + " / "
                    + Units.bytes(expected) + "  ETA " + eta(read, expected, elapsed);
            int barWidth = Math.min(MAX_BAR, width - phase.length() - stats.length() - 6);
            String bar = "";
            if (barWidth >= 5) {
                int filled = (int) Math.floor(fraction * barWidth);
                bar = "[" + "#".repeat(filled) + ".".repeat(barWidth - filled) + "]  ";
            }
            line = phase + "  " + bar + stats;
        } else {
            line = phase + "  " + (read > 0 ? Units.bytes(read) + "  " : "") + Units.duration(elapsed);
        }
        return line.length() <= width ? line : line.substring(0, Math.max(0, width));
    }

    /** The time left at the rate so far: {@code --} before any byte, {@code 0s} once all are read. */
    static String eta(long read, long expected, Duration elapsed) {
        if (read >= expected) {
            return "0s";
        }
        if (read <= 0 || elapsed.isZero() || elapsed.isNegative()) {
            return "--";
        }
        double left = elapsed.toNanos() * ((double) (expected - read) / read);
        return Units.duration(Duration.ofNanos((long) left));
    }

    private ProgressBar() {
    }
}
