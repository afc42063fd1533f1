package io.lifeboat.system;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Captures every log line of every service in this JVM, to prove secrets never reach a log. It is an
 * appender in logback-test.xml, which Spring Boot applies again each time a service starts; the lines are
 * kept in one static list across those restarts.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        LINES.add(line.toString());
    }

    static List<String> lines() {
        return List.copyOf(LINES);
    }
}
