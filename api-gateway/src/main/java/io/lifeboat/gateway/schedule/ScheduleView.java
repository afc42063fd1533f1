package io.lifeboat.gateway.schedule;

import java.util.List;

/**
 * A project's backup schedule, as {@code GET /projects/{project}/backup-schedule} shows it.
 *
 * @param manualBackups        how many manual backups a production environment keeps
 * @param previewManualBackups how many manual backups any other environment keeps
 * @param automatedBackups     how many automated backups the production environment keeps; 0 on a development plan
 * @param automatedTimes       local times of the automated backups, in the project's time zone
 * @param retention            the automated backups kept per interval, such as {@code 1d x 6}
 * @param upgrades             schedules an admin may move to; downgrades go through support
 */
record ScheduleView(String project, String tier, String plan, String timezone, String schedule, int manualBackups,
                    int previewManualBackups, int automatedBackups, List<String> automatedTimes,
                    List<String> retention, List<String> upgrades) {
}
