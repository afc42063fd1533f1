package io.lifeboat.cli.activity;

import io.lifeboat.cli.client.ApiClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Reads {@code text/event-stream} line by line (the SSE format): {@code event:} and {@code data:} fields,
 * a blank line ends an event, {@code :} lines are comments. Data that is not JSON becomes a string.
 */
final class EventParser {

    private String type;
    private final StringBuilder data = new StringBuilder();

    /** Takes one line; returns the event that a blank line completes. */
    Optional<Event> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            type = value;
        } else if (field.equals("data")) {
            if (!data.isEmpty()) {
                data.append('\n');
            }
            data.append(value);
        }
        return Optional.empty();
    }

    private Optional<Event> dispatch() {
        Optional<Event> event = data.isEmpty() ? Optional.empty()
                : Optional.of(new Event(type == null ? "message" : type, json(data.toString())));
        type = null;
        data.setLength(0);
        return event;
    }

    private static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (JacksonException e) {
            return ApiClient.JSON.getNodeFactory().stringNode(text);
        }
    }
}
