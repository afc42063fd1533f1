package io.lifeboat.launcher;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Services that start in parallel in one JVM would configure the one logging system at the same time, which
 * Logback does not survive. This listener runs first and lets one service at a time through the short phase
 * in which Spring Boot configures logging; the rest of the start-up stays parallel.
 */
final class LoggingInitLock implements GenericApplicationListener {

    private static final ReentrantLock LOCK = new ReentrantLock();

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent) {
            LOCK.lock();
        } else if (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
