package io.lifeboat.retention.policy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One decision per evaluated backup, oldest first (by creation time, then id).
 *
 * @param decisions the decisions
 */
public record Evaluation(List<Decision> decisions) {

    public Evaluation {
        decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
    }

    /** The ids of the backups to keep, oldest first. */
    public List<String> kept() {
        return decisions.stream().filter(Decision::kept).map(Decision::id).toList();
    }

    /** The ids of the backups that have expired and may be deleted, oldest first. */
    public List<String> expired() {
        return decisions.stream().filter(d -> !d.kept()).map(Decision::id).toList();
    }

    /**
     * The decision on one backup.
     *
     * @throws NoSuchElementException when the backup was not evaluated
     */
    public Decision decision(String id) {
        return decisions.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no decision for backup " + id));
    }
}
