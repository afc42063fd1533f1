package io.lifeboat.cli.output;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sizes, durations, times and JSON values as short text for tables and progress lines. */
public final class Units {

    private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 20.0 MiB}: powers of 1024, one decimal. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** An API timestamp to the second ({@code 2026-11-25T04:00:12Z}); other text is shown as it is. */
    public static String time(JsonNode value) {
        String text = text(value);
        try {
            return text.isEmpty() ? "" : Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** A JSON value as a cell: strings bare, null as nothing, lists of values comma-separated. */
    public static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isArray() && value.values().stream().allMatch(JsonNode::isValueNode)) {
            List<String> items = new ArrayList<>();
            value.values().forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        return value.toString();
    }

    /** {@code yes} or {@code no}, for flags in tables. */
    public static String yesNo(JsonNode value) {
        return value.asBoolean(false) ? "yes" : "no";
    }

    private Units() {
    }
}
