package io.lifeboat.gateway.restore;

import java.time.Instant;
import java.util.List;

/**
 * A restore as the API shows it.
 *
 * @param commitId    the commit the backup holds; Lifeboat never changes the git repository
 * @param codeNote    how to bring the repository back to that commit, if the user wants to
 * @param targetState   after a failure: {@code unchanged}, or which parts were already restored
 * @param sourceProject the deleted project whose backup an operator restored into {@code project}, or null
 */
public record RestoreView(String id, String project, String backupId, String sourceEnvironment, String environment,
                          String status, boolean restoreCode, String commitId, String codeNote, Instant createdAt,
                          Instant updatedAt, Instant completedAt, List<PartView> parts, String error,
                          String targetState, String sourceProject) {

    public record PartView(String name, String type, String status, long bytes) {
    }
}
