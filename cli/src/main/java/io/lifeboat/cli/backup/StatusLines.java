package io.lifeboat.cli.backup;

import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.Units;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Progress as plain lines on stderr, one per change of status or of a started part's status (parts before
 * the whole): what a cron job's log should hold. No control characters.
 */
final class StatusLines implements Progress {

    private final Output out;
    private final String what;
    private final Function<JsonNode, String> status;
    private final String parts;
    private final Map<String, String> seen = new HashMap<>();

    /** Reports {@code status} of the operation and, if {@code parts} names a list, of each of its parts. */
    StatusLines(Output out, String what, Function<JsonNode, String> status, String parts) {
        this.out = out;
        this.what = what;
        this.status = status;
        this.parts = parts;
    }

    @Override
    public void seen(JsonNode resource) {
        String id = resource.path("id").asString("");
        for (JsonNode part : parts == null ? List.<JsonNode>of() : resource.path(parts).values()) {
            String state = part.path("status").asString("");
            long bytes = part.path("bytes").asLong(0);
            if (!state.equals("PENDING")) {
                report(what + " " + id + " part " + part.path("name").asString(""), state,
                        bytes > 0 ? " (" + Units.bytes(bytes) + ")" : "");
            }
        }
        report(what + " " + id, status.apply(resource), "");
    }

    private void report(String subject, String state, String suffix) {
        if (!state.isEmpty() && !state.equals(seen.put(subject, state))) {
            out.note(subject + ": " + state + suffix);
        }
    }
}
