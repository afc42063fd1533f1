package io.lifeboat.gateway.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One open stream. Events wait in a small queue and a virtual thread of its own writes them, so a slow
 * client never holds up the Kafka consumer or the other streams; a client that falls too far behind is
 * disconnected. When nothing was sent for a heartbeat interval, it sends a comment so proxies keep the
 * connection; that write is also how a client that went away is noticed. Once a heartbeat interval, before
 * it writes, it asks whether its caller may still see the project, and ends the stream if not (or if it
 * cannot tell).
 */
final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    final SseEmitter emitter;
    private final String project;
    private final String environment;
    private final Duration heartbeat;
    private final BooleanSupplier allowed;
    private final Clock clock;
    private final Consumer<Subscriber> gone;
    private final BlockingQueue<Activity> queue = new ArrayBlockingQueue<>(256);
    private volatile Thread sender;
    private Instant nextCheck;

    /** {@code environment} null streams the whole project; {@code gone} runs when the client cannot be written to. */
    Subscriber(SseEmitter emitter, String project, String environment, Duration heartbeat, BooleanSupplier allowed,
               Clock clock, Consumer<Subscriber> gone) {
        this.emitter = emitter;
        this.project = project;
        this.environment = environment;
        this.heartbeat = heartbeat;
        this.allowed = allowed;
        this.clock = clock;
        this.gone = gone;
        this.nextCheck = clock.instant().plus(heartbeat);
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
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Activity next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (!stillAllowed()) {
                    emitter.complete();
                    return;
                }
                emitter.send(next == null ? SseEmitter.event().comment("heartbeat")
                        : SseEmitter.event().name(next.type()).id(next.id()).data(next.json(), UTF8_TEXT));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            gone.accept(this);
        }
    }

    /** Asks again, at most once a heartbeat interval, whether the caller may still see the project. */
    private boolean stillAllowed() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return true;
        }
        nextCheck = now.plus(heartbeat);
        try {
            return allowed.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("activity stream of project {}: cannot check its caller's access, so it ends: {}", project,
                    e.getMessage());
            return false;
        }
    }
}
