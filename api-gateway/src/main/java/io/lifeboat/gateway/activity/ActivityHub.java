package io.lifeboat.gateway.activity;

import io.lifeboat.gateway.web.Problems;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/** The open activity streams of this instance, at most {@code activity-subscribers} of them. */
@Component
class ActivityHub {

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final ActivityProperties properties;

    ActivityHub(ActivityProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.activitySubscribers());
    }

    /**
     * A stream of the project's activity, or of one environment's when {@code environment} is not null;
     * {@code allowed} says whether its caller may still see the project.
     */
    SseEmitter subscribe(String project, String environment, BooleanSupplier allowed) {
        if (!slots.tryAcquire()) {
            throw busy();
        }
        Subscriber subscriber = new Subscriber(new SseEmitter(properties.activityTimeout().toMillis()), project,
                environment, properties.activityHeartbeat(), allowed, this::remove);
        subscribers.add(subscriber);
        subscriber.emitter.onCompletion(() -> remove(subscriber));
        subscriber.emitter.onError(e -> remove(subscriber));
        subscriber.emitter.onTimeout(subscriber.emitter::complete);
        subscriber.start();
        return subscriber.emitter;
    }

    /** True when no stream is open: nothing needs to be sent. */
    boolean idle() {
        return subscribers.isEmpty();
    }

    void publish(Activity activity) {
        subscribers.forEach(s -> s.offer(activity));
    }

    /** Ends every stream first, so that a graceful shutdown does not wait for clients to hang up. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        subscribers.forEach(s -> s.emitter.complete());
    }

    private void remove(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            subscriber.stop();
            slots.release();
        }
    }

    private static ErrorResponseException busy() {
        ErrorResponseException busy = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams",
                "Too many streams", "this gateway serves as many activity streams as it may; retry in a minute",
                null);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        return busy;
    }
}
