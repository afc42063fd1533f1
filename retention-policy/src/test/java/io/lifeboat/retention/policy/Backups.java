package io.lifeboat.retention.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builders of backup facts, at local times of Europe/Paris. */
final class Backups {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Backups() {
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    static BackupFacts manual(String id, String localDateTime) {
        return new BackupFacts(id, at(localDateTime), false, "api");
    }

    static BackupFacts automated(String localDateTime) {
        return new BackupFacts("a-" + localDateTime, at(localDateTime), true, "schedule");
    }

    static BackupFacts tombstone(String id, String localDateTime) {
        return new BackupFacts(id, at(localDateTime), true, BackupFacts.TOMBSTONE);
    }

    /** One automated backup a day at {@code time}, from {@code from} to {@code to} inclusive. */
    static List<BackupFacts> daily(String from, String to, String time) {
        List<BackupFacts> backups = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            backups.add(automated(day.atTime(LocalTime.parse(time)).toString()));
        }
        return backups;
    }

    /** The automated backups an Advanced schedule retains at the end of 2026-11-24, in steady state. */
    static List<BackupFacts> advancedSteadyState() {
        return ScheduleSimulationTests.recorded(Policy.ADVANCED, ScheduleSimulationTests.DAILY).stream()
                .filter(day -> day.day().equals(LocalDate.of(2026, 11, 24))).findFirst().orElseThrow().retained();
    }
}
