package io.lifeboat.scheduler.slots;

import io.lifeboat.contracts.EnvironmentRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * When automated backups are due. The daily backup is at 04:00 in the project's time zone; Premium adds
 * 10:00, 16:00 and 22:00 (so does Dedicated Gen 2). Each environment fires at a fixed offset within the spread window after the nominal
 * time, derived from its name, so a night's backups are spread evenly and deterministically.
 *
 * <p>A slot is named by the environment and the slot's local date and time, without the zone: after a time
 * zone change, a slot already fired under the old zone is not fired again. On a DST day a nominal time that
 * does not exist is moved forward by the gap, and an ambiguous one takes its earlier instant.
 */
final class SlotCalendar {

    static final LocalTime DAILY = LocalTime.of(4, 0);

    /** A due slot: its key, nominal instant, and the instant this environment fires it. */
    record Slot(String key, Instant nominal, Instant fireAt) {
    }

    static List<LocalTime> times(String schedule) {
        return schedule.equalsIgnoreCase("premium") || schedule.equalsIgnoreCase("dedicated-gen2")
                ? List.of(DAILY, DAILY.plusHours(6), DAILY.plusHours(12), DAILY.plusHours(18))
                : List.of(DAILY);
    }

    /** The most recent slot whose firing time has come, or null. Only it may fire: missed ones are not replayed. */
    static Slot latestDue(EnvironmentRef environment, String schedule, ZoneId zone, Instant now, Duration spread) {
        Duration offset = offset(environment, spread);
        LocalDate today = now.atZone(zone).toLocalDate();
        Slot latest = null;
        for (LocalDate date : List.of(today.minusDays(1), today)) {
            for (LocalTime time : times(schedule)) {
                Instant nominal = ZonedDateTime.of(date, time, zone).toInstant();
                Instant fireAt = nominal.plus(offset);
                if (!fireAt.isAfter(now) && (latest == null || fireAt.isAfter(latest.fireAt()))) {
                    latest = new Slot(environment.key() + "@" + date + "T" + time, nominal, fireAt);
                }
            }
        }
        return latest;
    }

    /** A deterministic offset in [0, spread) from the environment's name. */
    static Duration offset(EnvironmentRef environment, Duration spread) {
        if (spread.isZero()) {
            return Duration.ZERO;
        }
        long hash = Integer.toUnsignedLong(environment.key().hashCode() * 0x9E3779B9);
        return Duration.ofMillis(hash % spread.toMillis());
    }

    /** A backup id for the slot: time-ordered (the nominal time first) and the same on every instance. */
    static String backupId(Slot slot) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(slot.key().getBytes(StandardCharsets.UTF_8));
            return "%012x".formatted(slot.nominal().toEpochMilli()) + HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SlotCalendar() {
    }
}
