package io.lifeboat.gateway.restore;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restore as the API shows it.
 *
 * @param commitId    the commit the backup holds; Lifeboat never changes the git repository
 * @param codeNote    how to bring the repository back to that commit, if the user wants to
 * @param replaceMissingDefiners whether a database object whose definer is missing on the target gets the
 *                    target's user instead of failing the restore
 * @param parts       once completed, what each part brought back
 * @param targetState   after a failure: {@code unchanged}, or which parts were already restored
 * @param sourceProject the deleted project whose backup an operator restored into {@code project}, or null
 */
public record RestoreView(String id, String project, String backupId, String sourceEnvironment, String environment,
                          String status, boolean restoreCode, boolean replaceMissingDefiners, String commitId,
                          String codeNote, Instant createdAt, Instant updatedAt, Instant completedAt,
                          List<RestoredPart> parts, String error, String targetState, String sourceProject) {

    /**
     * One part of a completed restore.
     *
     * @param objects what it holds now, counted by kind ({@code tables}, {@code views}, {@code routines},
     *                {@code keys}, {@code files}, ...): the common kinds first, then the others by name; empty
     *                for a restore completed before Lifeboat counted them
     */
    public record RestoredPart(String name, String type, String status, long bytes, Map<String, Long> objects) {

        private static final List<String> FIRST = List.of("tables", "views", "routines", "triggers", "events",
                "keys", "files");

        public RestoredPart {
            Map<String, Long> ordered = new LinkedHashMap<>();
            (objects == null ? Map.<String, Long>of() : objects).entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Long> e) -> rank(e.getKey()))
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            objects = Collections.unmodifiableMap(ordered);
        }

        private static int rank(String kind) {
            int index = FIRST.indexOf(kind);
            return index < 0 ? FIRST.size() : index;
        }
    }
}
