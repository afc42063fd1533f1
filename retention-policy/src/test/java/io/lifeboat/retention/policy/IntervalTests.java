package io.lifeboat.retention.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntervalTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @CsvSource({"1h, HOUR", "6h, SIX_HOURS", "1d, DAY", "1w, WEEK", "2w, TWO_WEEKS", "1M, MONTH", "1y, YEAR",
            "' 1d ', DAY"})
    void parsesTheCodesOfCustomPolicies(String code, Interval expected) {
        assertThat(Interval.parse(code)).isEqualTo(expected);
        assertThat(Interval.parse(expected.code())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1m", "1D", "7d", "d", "6 h", "24h", "1 week", "-1d"})
    void rejectsAnythingElseNamingTheValue(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> Interval.parse(code))
                .withMessageContaining("\"" + code + "\"").withMessageContaining("1h, 6h, 1d, 1w, 2w, 1M, 1y");
    }

    @Test
    void rejectsAMissingInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> Interval.parse(null)).withMessageContaining("missing");
    }

    @ParameterizedTest
    @CsvSource({
            "HOUR,      2026-11-25T10:30, hourly 2026-11-25T10:00",
            "SIX_HOURS, 2026-11-25T10:30, 6-hourly 2026-11-25T10:00",
            "SIX_HOURS, 2026-11-25T03:59, 6-hourly 2026-11-24T22:00",
            "SIX_HOURS, 2026-11-25T04:00, 6-hourly 2026-11-25T04:00",
            "SIX_HOURS, 2026-11-25T23:00, 6-hourly 2026-11-25T22:00",
            "DAY,       2026-11-25T00:00, daily 2026-11-25",
            "DAY,       2026-11-25T23:59, daily 2026-11-25",
            "WEEK,      2026-11-29T23:59, weekly 2026-W48",
            "WEEK,      2026-11-30T00:00, weekly 2026-W49",
            "WEEK,      2027-01-01T12:00, weekly 2026-W53",
            "TWO_WEEKS, 2026-11-23T00:00, bi-weekly 2026-W48",
            "TWO_WEEKS, 2026-12-06T23:59, bi-weekly 2026-W48",
            "TWO_WEEKS, 2026-12-07T00:00, bi-weekly 2026-W50",
            "MONTH,     2026-10-31T23:59, monthly 2026-10",
            "YEAR,      2026-12-31T23:59, yearly 2026"})
    void labelsTheIntervalThatContainsAnInstantInTheProjectsZone(Interval interval, LocalDateTime local,
                                                                 String label) {
        Instant instant = local.atZone(PARIS).toInstant();
        assertThat(interval.label(interval.containing(instant, PARIS))).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-29, 23", "2026-10-25, 25", "2026-11-25, 24"})
    void aDayLastsFromMidnightToMidnight(LocalDate date, long hours) {
        assertThat(length(Interval.DAY, date.atStartOfDay())).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest
    @CsvSource({"2026-03-28T22:00, 5", "2026-10-24T22:00, 7", "2026-03-29T04:00, 6", "2026-10-25T04:00, 6"})
    void theNightSixHourIntervalAbsorbsTheDstChange(LocalDateTime start, long hours) {
        assertThat(length(Interval.SIX_HOURS, start)).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void bothTwoOClocksOfTheAutumnChangeAreOneHourAndTheSpringOneIsEmpty() {
        Instant firstTwo = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-10-25T02:30"), PARIS, null)
                .withEarlierOffsetAtOverlap().toInstant();
        Instant secondTwo = firstTwo.plus(Duration.ofHours(1));
        assertThat(Interval.HOUR.containing(secondTwo, PARIS)).isEqualTo(Interval.HOUR.containing(firstTwo, PARIS))
                .isEqualTo(LocalDateTime.parse("2026-10-25T02:00"));
        assertThat(length(Interval.HOUR, LocalDateTime.parse("2026-03-29T02:00"))).isZero();
        Instant threeOClock = LocalDateTime.parse("2026-03-29T03:00").atZone(PARIS).toInstant();
        assertThat(Interval.HOUR.containing(threeOClock, PARIS)).isEqualTo(LocalDateTime.parse("2026-03-29T03:00"));
    }

    private static Duration length(Interval interval, LocalDateTime start) {
        return Duration.between(interval.startOf(start, PARIS), interval.startOf(interval.plus(start, 1), PARIS));
    }
}
