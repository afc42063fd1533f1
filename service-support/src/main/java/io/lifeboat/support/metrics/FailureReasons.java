package io.lifeboat.support.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code reason} label of a failure: a class read from the error, never the error itself, which names
 * objects and could be anything. The classes are fixed, so the label has at most ten values.
 */
final class FailureReasons {

    // first match wins: a cancellation and a give-up also mention time, a hold failure mentions a deadline
    private static final List<Map.Entry<String, List<String>>> CLASSES = List.of(
            Map.entry("cancelled", List.of("before this operation started", "before the automated backup started",
                    "cancelled", "is inactive", "deactivated", "no longer exists")),
            Map.entry("abandoned", List.of("gave up")),
            Map.entry("hold", List.of("could not be held", "did not get ready", "consistent cut", "hold deadline",
                    "hook")),
            Map.entry("worker-lost", List.of("stopped reporting", "claim")),
            Map.entry("deadline", List.of("timed out", "deadline", "did not complete before")),
            Map.entry("storage", List.of("could not be committed", "storage", "location", "quorum")),
            Map.entry("empty", List.of("no parts")),
            Map.entry("part", List.of("part ")));

    static final List<String> ALL = List.of("cancelled", "abandoned", "hold", "worker-lost", "deadline", "storage",
            "empty", "part", "other");

    static String of(String error) {
        String text = error == null ? "" : error.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> reason : CLASSES) {
            if (reason.getValue().stream().anyMatch(text::contains)) {
                return reason.getKey();
            }
        }
        return "other";
    }

    /** A failed restore's {@code target_state}: {@code unchanged}, {@code partial} or {@code unknown}. */
    static String targetState(String state) {
        String text = state == null ? "" : state.toLowerCase(Locale.ROOT);
        return text.startsWith("unchanged") ? "unchanged" : text.startsWith("partial") ? "partial" : "unknown";
    }

    private FailureReasons() {
    }
}
