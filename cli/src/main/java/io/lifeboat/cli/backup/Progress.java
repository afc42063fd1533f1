package io.lifeboat.cli.backup;

import io.lifeboat.cli.activity.Event;
import tools.jackson.databind.JsonNode;

/** Shows an operation while a command waits for it: status lines, or a progress bar on a terminal. */
interface Progress extends AutoCloseable {

    /** The operation as the API answered the last poll. */
    void seen(JsonNode resource);

    /** An event about the operation from the activity stream. */
    default void event(Event event) {
    }

    @Override
    default void close() {
    }
}
