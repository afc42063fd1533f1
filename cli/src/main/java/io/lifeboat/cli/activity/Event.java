package io.lifeboat.cli.activity;

import tools.jackson.databind.JsonNode;

/**
 * One event from a project's activity stream.
 *
 * @param type the SSE event name, for example {@code backup.progressed}
 * @param data the event's JSON ({@code backup_id}, {@code phase}, {@code bytes_read} ...)
 */
public record Event(String type, JsonNode data) {

    /** The backup this event is about, or empty. */
    public String backupId() {
        return data.path("backup_id").asString("");
    }
}
