package io.lifeboat.cli.activity;

import io.lifeboat.cli.client.ApiClient;

import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows {@code GET /projects/{p}/activity?environment={e}} on a background thread and hands each event
 * to a listener. Best effort: if the stream cannot be opened or breaks, {@link #connected()} turns false
 * and callers poll instead; nothing is reported to the user.
 */
public final class ActivityStream implements AutoCloseable {

    private volatile boolean connected;
    private volatile Stream<String> lines;

    private ActivityStream() {
    }

    /** Starts following the activity of one environment, in the background: it does not wait to connect. */
    public static ActivityStream follow(ApiClient api, String project, String environment,
                                        Consumer<Event> listener) {
        ActivityStream stream = new ActivityStream();
        String path = "/projects/" + ApiClient.segment(project) + "/activity?environment="
                + ApiClient.segment(environment);
        Thread reader = new Thread(() -> stream.read(api, path, listener), "lifeboat-activity");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    /** True while events arrive; false if the API has no activity stream or it broke. */
    public boolean connected() {
        return connected;
    }

    private void read(ApiClient api, String path, Consumer<Event> listener) {
        try (Stream<String> body = api.eventStream(path)) {
            lines = body;
            connected = true;
            EventParser parser = new EventParser();
            body.forEach(line -> parser.line(line).ifPresent(listener));
        } catch (RuntimeException e) {
            // no stream (an older API, a proxy that buffers): the caller polls
        } finally {
            connected = false;
        }
    }

    @Override
    public void close() {
        connected = false;
        Stream<String> body = lines;
        if (body != null) {
            body.close();
        }
    }
}
