package io.lifeboat.snapshot.part;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Waiting parts of consistent backups, woken by the coordinator's broadcast: cut now, or give up. */
@Component
class CutSignals {

    private final Map<String, CompletableFuture<Boolean>> waiting = new ConcurrentHashMap<>();

    /** Registers interest before the part reports ready, so that the signal cannot be missed. */
    CompletableFuture<Boolean> await(String backupId) {
        return waiting.computeIfAbsent(backupId, id -> new CompletableFuture<>());
    }

    /** {@code cut} true: take the cut; false: the backup was given up. */
    void signal(String backupId, boolean cut) {
        CompletableFuture<Boolean> signal = waiting.remove(backupId);
        if (signal != null) {
            signal.complete(cut);
        }
    }

    void forget(String backupId) {
        waiting.remove(backupId);
    }
}
