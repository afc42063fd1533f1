package io.lifeboat.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Processes a test starts, stopped with all their descendants: by {@link #stop} when the test ends, and by a
 * shutdown hook if the test JVM exits first (a failure, a timeout, a SIGTERM from the build).
 */
public final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(p -> stop(p, Duration.ZERO)),
                "stop-child-processes"));
    }

    public static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        return process;
    }

    /** Asks the process and its descendants to stop, waits up to {@code grace}, then kills what is left. */
    public static void stop(Process process, Duration grace) {
        stop(List.of(process), grace);
    }

    /** {@link #stop(Process, Duration)} for several processes at once, sharing one grace period. */
    public static void stop(Collection<Process> processes, Duration grace) {
        List<ProcessHandle> tree = processes.stream()
                .flatMap(p -> Stream.concat(p.descendants(), Stream.of(p.toHandle()))).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Process process : processes) {
            awaitExit(process, deadline - System.nanoTime());
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (Process process : processes) {
            awaitExit(process, TimeUnit.SECONDS.toNanos(10));
            LIVE.remove(process);
        }
    }

    private static void awaitExit(Process process, long nanos) {
        try {
            process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ChildProcesses() {
    }
}
