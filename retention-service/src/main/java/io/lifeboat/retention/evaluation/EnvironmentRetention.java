package io.lifeboat.retention.evaluation;

import io.lifeboat.retention.RetentionProperties;
import io.lifeboat.retention.evaluation.Subject.Backup;
import io.lifeboat.retention.policy.BackupFacts;
import io.lifeboat.retention.policy.Decision;
import io.lifeboat.retention.policy.EnvironmentKind;
import io.lifeboat.retention.policy.Policy;
import io.lifeboat.retention.policy.RetentionEngine;
import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides on the completed backups of one environment; a pure function of what is known and the time. An empty
 * list means there is nothing to decide yet. Running backups never count: a manual backup replaces an older
 * one only once it has completed.
 */
final class EnvironmentRetention {

    private EnvironmentRetention() {
    }

    /**
     * @throws IllegalArgumentException when the project's schedule names no policy
     * @throws DateTimeException        when the project's time zone is not one
     */
    static List<Verdict> decide(Subject subject, Instant now, RetentionProperties properties) {
        Subject.Project project = subject.project();
        Subject.Environment environment = subject.environment();
        if (project != null && project.deletedAt() != null) {
            return projectDeleted(subject, project.deletedAt(), now, properties);
        }
        if (environment != null && environment.deletedAt() != null) {
            return environmentDeleted(subject, now, properties);
        }
        if (project == null || project.schedule() == null || environment == null || environment.type() == null) {
            return List.of();
        }
        boolean production = "production".equals(environment.type()) && !"development".equals(project.plan());
        List<Backup> completed = subject.backups().stream().filter(Backup::completed).toList();
        return engine(Policy.named(project.schedule()), production ? EnvironmentKind.PRODUCTION
                : EnvironmentKind.PREVIEW, completed, now, zone(subject), properties);
    }

    /** Every backup but the tombstones goes; a tombstone still being taken holds everything back. */
    private static List<Verdict> environmentDeleted(Subject subject, Instant now, RetentionProperties properties) {
        if (subject.backups().stream().anyMatch(b -> b.tombstone() && b.running())) {
            return List.of();
        }
        List<Backup> completed = subject.backups().stream().filter(Backup::completed).toList();
        List<Verdict> verdicts = new ArrayList<>(tombstones(completed.stream().filter(Backup::tombstone).toList(),
                now, zone(subject), properties));
        completed.stream().filter(b -> !b.tombstone()).forEach(b ->
                verdicts.add(Verdict.deleted(b.id(), "environment-deleted", "environment deleted")));
        return verdicts;
    }

    /**
     * The environment's final backup is kept for the tombstone retention, and every other backup goes once it
     * has completed; one queued behind another operation holds everything back however long it waits. Without
     * one (it failed, the environment was inactive, or none was queued or requested within the wait), the newest
     * completed backup is kept as the tombstone instead, counted from the project's deletion.
     */
    private static List<Verdict> projectDeleted(Subject subject, Instant deletedAt, Instant now,
                                                RetentionProperties properties) {
        Instant since = deletedAt.minus(properties.tombstoneWait());
        List<Backup> finals = subject.backups().stream()
                .filter(b -> b.tombstone() && b.createdAt() != null && !b.createdAt().isBefore(since)).toList();
        List<Backup> completed = subject.backups().stream().filter(Backup::completed).toList();
        List<Backup> tombstones = completed.stream().filter(Backup::tombstone).toList();
        List<Backup> others = completed.stream().filter(b -> !b.tombstone()).toList();
        List<Verdict> verdicts = new ArrayList<>();
        if (finals.stream().noneMatch(Backup::completed)) {
            String why = fallbackReason(subject, finals, deletedAt, now, properties);
            if (why == null) {
                return List.of();
            }
            Backup newest = others.stream().max(Comparator.comparing(Backup::createdAt)).orElse(null);
            if (newest != null) {
                others = others.stream().filter(b -> b != newest).toList();
                BackupFacts stand = new BackupFacts(newest.id(), deletedAt, newest.automated(), BackupFacts.TOMBSTONE);
                Verdict verdict = tombstoneVerdicts(List.of(stand), now, zone(subject), properties).getFirst();
                verdicts.add(verdict.kept() ? verdict.withReason("kept as the tombstone: " + why) : verdict);
            }
        }
        verdicts.addAll(tombstones(tombstones, now, zone(subject), properties));
        others.forEach(b -> verdicts.add(Verdict.deleted(b.id(), "project-deleted", "project deleted")));
        return verdicts;
    }

    /** Why the newest backup stands in for the final one; null while the final one may still come. */
    private static @Nullable String fallbackReason(Subject subject, List<Backup> finals, Instant deletedAt,
                                                   Instant now, RetentionProperties properties) {
        if (finals.stream().anyMatch(Backup::running)) {
            return null;
        }
        if (!finals.isEmpty()) {
            return "the final backup failed";
        }
        if (subject.environment() != null && "inactive".equals(subject.environment().status())) {
            return "the environment was inactive, so no final backup was taken";
        }
        return now.isBefore(deletedAt.plus(properties.tombstoneWait())) ? null : "no final backup was requested";
    }

    private static List<Verdict> tombstones(List<Backup> tombstones, Instant now, ZoneId zone,
                                            RetentionProperties properties) {
        return tombstoneVerdicts(tombstones.stream().map(Backup::facts).toList(), now, zone, properties);
    }

    /** The engine keeps tombstones for the tombstone retention whatever the policy. */
    private static List<Verdict> tombstoneVerdicts(List<BackupFacts> tombstones, Instant now, ZoneId zone,
                                                   RetentionProperties properties) {
        return RetentionEngine.evaluate(Policy.BASIC, EnvironmentKind.PREVIEW, tombstones, now, zone,
                properties.options()).decisions().stream().map(d -> verdict(d, "expired")).toList();
    }

    private static List<Verdict> engine(Policy policy, EnvironmentKind kind, List<Backup> completed, Instant now,
                                        ZoneId zone, RetentionProperties properties) {
        Map<String, Backup> byId = completed.stream().collect(Collectors.toMap(Backup::id, Function.identity()));
        return RetentionEngine.evaluate(policy, kind, completed.stream().map(Backup::facts).toList(), now, zone,
                properties.options()).decisions().stream().map(d -> {
                    Backup backup = byId.get(d.id());
                    return verdict(d, backup.automated() || backup.tombstone() ? "expired" : "replaced");
                }).toList();
    }

    private static Verdict verdict(Decision decision, String reasonIfExpired) {
        return new Verdict(decision.id(), decision.kept(), decision.expiresAt(), decision.reasons(),
                decision.kept() ? null : reasonIfExpired);
    }

    /** The project's zone; UTC when unknown, which only deletions and tombstone labels use. */
    private static ZoneId zone(Subject subject) {
        String timezone = subject.project() == null ? null : subject.project().timezone();
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }
}
