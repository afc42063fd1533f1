package io.lifeboat.gateway.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One open stream. Events wait in a small queue and a virtual thread of its own writes them, so a slow
 * client never holds up the Kafka consumer or the other streams; a client that falls too far behind is
 * disconnected. When nothing was sent for a heartbeat interval, it sends a comment so proxies keep the
 * connection; that write is also how a client that went away is noticed. Every heartbeat interval, events
 * or not, it asks whether its caller may still see the project, and ends the stream if not (or if it cannot
 * tell). Intervals are measured on the monotonic clock that the queue's waits use.
 */
final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    final SseEmitter emitter;
    private final String project;
    private final String environment;
    private final Duration heartbeat;
    private final BooleanSupplier allowed;
    private final Consumer<Subscriber> gone;
    private final BlockingQueue<Activity> queue = new ArrayBlockingQueue<>(256);
    private volatile Thread sender;

    /** {@code environment} null streams the whole project; {@code gone} runs when the client cannot be written to. */
    Subscriber(SseEmitter emitter, String project, String environment, Duration heartbeat, BooleanSupplier allowed,
               Consumer<Subscriber> gone) {
        this.emitter = emitter;
        this.project = project;
        this.environment = environment;
        this.heartbeat = heartbeat;
        this.allowed = allowed;
        this.gone = gone;
    }

    void start() {
        sender = Thread.ofVirtual().name("activity-" + project).start(this::run);
    }

    void offer(Activity activity) {
        if (activity.concerns(project, environment) && !queue.offer(activity)) {
            emitter.complete();
        }
    }

    void stop() {
        Thread thread = sender;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    private void run() {
        long interval = heartbeat.toNanos();
        long nextCheck = System.nanoTime() + interval;
        long nextHeartbeat = nextCheck;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long wait = Math.min(nextCheck, nextHeartbeat) - System.nanoTime();
                Activity next = queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                long now = System.nanoTime();
                if (now - nextCheck >= 0) {
                    if (!stillAllowed()) {
                        emitter.complete();
                        return;
                    }
                    nextCheck = now + interval;
                }
                if (next != null) {
                    emitter.send(SseEmitter.event().name(next.type()).id(next.id()).data(next.json(), UTF8_TEXT));
                    nextHeartbeat = now + interval;
                } else if (now - nextHeartbeat >= 0) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    nextHeartbeat = now + interval;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            gone.accept(this);
        }
    }

    /** Asks again whether the caller may still see the project; a check that fails counts as no. */
    private boolean stillAllowed() {
        try {
            return allowed.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("activity stream of project {}: cannot check its caller's access, so it ends: {}", project,
                    e.getMessage());
            return false;
        }
    }
}
