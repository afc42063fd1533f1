package io.lifeboat.scheduler.slots;

import io.lifeboat.contracts.EnvironmentRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlotCalendarTests {

    static final EnvironmentRef ENV = new EnvironmentRef("acme", "main");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theDailySlotIsAt0400InTheProjectsTimeZonePlusTheEnvironmentsOffset() {
        Duration offset = SlotCalendar.offset(ENV, Duration.ofMinutes(60));
        Instant nominal = ZonedDateTime.of(2026, 11, 25, 4, 0, 0, 0, PARIS).toInstant();
        assertThat(SlotCalendar.latestDue(ENV, "advanced", PARIS, nominal.plus(offset).minusMillis(1),
                Duration.ofMinutes(60)).key()).isEqualTo("acme/main@2026-11-24T04:00");
        SlotCalendar.Slot slot = SlotCalendar.latestDue(ENV, "advanced", PARIS, nominal.plus(offset),
                Duration.ofMinutes(60));
        assertThat(slot.key()).isEqualTo("acme/main@2026-11-25T04:00");
        assertThat(slot.nominal()).isEqualTo(nominal);
        assertThat(offset).isBetween(Duration.ZERO, Duration.ofMinutes(60));
    }

    @Test
    void premiumHasFourSlotsBasedOnTheDailyTime() {
        Set<String> keys = new HashSet<>();
        Instant start = ZonedDateTime.of(2026, 11, 25, 0, 0, 0, 0, PARIS).toInstant();
        for (int minute = 0; minute < 24 * 60; minute += 5) {
            SlotCalendar.Slot slot = SlotCalendar.latestDue(ENV, "premium", PARIS, start.plusSeconds(minute * 60L),
                    Duration.ZERO);
            keys.add(slot.key());
        }
        assertThat(keys).contains("acme/main@2026-11-25T04:00", "acme/main@2026-11-25T10:00",
                "acme/main@2026-11-25T16:00", "acme/main@2026-11-25T22:00");
    }

    @Test
    void offsetsSpreadEnvironmentsDeterministicallyOverTheWindow() {
        Duration window = Duration.ofMinutes(60);
        Set<Long> minutes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration offset = SlotCalendar.offset(new EnvironmentRef("p" + i, "main"), window);
            assertThat(offset).isEqualTo(SlotCalendar.offset(new EnvironmentRef("p" + i, "main"), window));
            assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(window);
            minutes.add(offset.toMinutes());
        }
        assertThat(minutes).hasSizeGreaterThan(50);
    }

    @Test
    void everyDayOfAYearHasItsSlotsOnDstDaysToo() {
        for (String schedule : new String[] {"basic", "premium"}) {
            Set<String> keys = new HashSet<>();
            ZonedDateTime now = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS);
            while (now.getYear() == 2026) {
                SlotCalendar.Slot slot = SlotCalendar.latestDue(ENV, schedule, PARIS, now.toInstant(), Duration.ZERO);
                if (slot != null && slot.key().contains("@2026-")) {
                    keys.add(slot.key());
                }
                now = now.plusMinutes(30);
            }
            int perDay = schedule.equals("premium") ? 4 : 1;
            assertThat(keys).hasSize(365 * perDay);
            assertThat(keys).contains("acme/main@2026-03-29T04:00", "acme/main@2026-10-25T04:00");
        }
    }

    @Test
    void aTimeZoneChangeDoesNotFireTheSameLocalSlotTwice() {
        Instant now = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, PARIS).toInstant();
        String paris = SlotCalendar.latestDue(ENV, "advanced", PARIS, now, Duration.ZERO).key();
        String tokyo = SlotCalendar.latestDue(ENV, "advanced", ZoneId.of("Asia/Tokyo"), now, Duration.ZERO).key();
        assertThat(paris).isEqualTo("acme/main@2026-11-25T04:00");
        assertThat(tokyo).isEqualTo("acme/main@2026-11-25T04:00");
    }

    @Test
    void backupIdsAreTimeOrderedAndTheSameOnEveryInstance() {
        Instant now = LocalDate.of(2026, 11, 25).atStartOfDay(PARIS).plusHours(6).toInstant();
        SlotCalendar.Slot slot = SlotCalendar.latestDue(ENV, "advanced", PARIS, now, Duration.ZERO);
        String id = SlotCalendar.backupId(slot);
        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(SlotCalendar.backupId(slot));
        assertThat(id.substring(0, 12)).isEqualTo("%012x".formatted(slot.nominal().toEpochMilli()));
    }
}
