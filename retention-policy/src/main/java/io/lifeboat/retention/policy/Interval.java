package io.lifeboat.retention.policy;

import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A calendar interval of a {@link Rule}, in the project's time zone.
 *
 * <p>Intervals are wall-clock ranges: a day is midnight to midnight (23 or 25 hours on a DST change), a week
 * starts on Monday (ISO), a month on the 1st, a year on 1 January. Six-hour intervals are aligned on the daily
 * backup time, 04:00: they start at 04:00, 10:00, 16:00 and 22:00. Two-week intervals start on the Mondays an
 * even number of weeks after Monday 1970-01-05.
 */
public enum Interval {
    /** One hour, starting on the hour. */
    HOUR("1h", "hourly"),
    /** Six hours, starting at 04:00, 10:00, 16:00 and 22:00. */
    SIX_HOURS("6h", "6-hourly"),
    /** One calendar day. */
    DAY("1d", "daily"),
    /** One ISO week, Monday to Sunday. */
    WEEK("1w", "weekly"),
    /** Two ISO weeks. */
    TWO_WEEKS("2w", "bi-weekly"),
    /** One calendar month. */
    MONTH("1M", "monthly"),
    /** One calendar year. */
    YEAR("1y", "yearly");

    private static final int SLOT_HOUR = 4;
    private static final LocalDate EPOCH_MONDAY = LocalDate.of(1970, 1, 5);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final String code;
    private final String adjective;

    Interval(String code, String adjective) {
        this.code = code;
        this.adjective = adjective;
    }

    /**
     * Reads an interval as written in a custom policy: {@code 1h}, {@code 6h}, {@code 1d}, {@code 1w},
     * {@code 2w}, {@code 1M} (month) or {@code 1y}.
     *
     * @throws IllegalArgumentException naming the value, when it is none of these
     */
    public static Interval parse(@Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing interval; expected one of " + codes());
        }
        String trimmed = text.strip();
        for (Interval interval : values()) {
            if (interval.code.equals(trimmed)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown interval \"" + text + "\"; expected one of " + codes());
    }

    /** The text that {@link #parse} reads, such as {@code 1d}. */
    public String code() {
        return code;
    }

    /** How a backup kept for this interval is called: {@code daily}, {@code weekly}... */
    public String adjective() {
        return adjective;
    }

    private LocalDateTime floor(LocalDateTime time) {
        LocalDate date = time.toLocalDate();
        return switch (this) {
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case SIX_HOURS -> {
                LocalDateTime shifted = time.minusHours(SLOT_HOUR);
                yield shifted.toLocalDate().atTime(shifted.getHour() / 6 * 6, 0).plusHours(SLOT_HOUR);
            }
            case DAY -> date.atStartOfDay();
            case WEEK -> monday(date).atStartOfDay();
            case TWO_WEEKS -> {
                LocalDate monday = monday(date);
                long weeks = ChronoUnit.WEEKS.between(EPOCH_MONDAY, monday);
                yield monday.minusWeeks(Math.floorMod(weeks, 2)).atStartOfDay();
            }
            case MONTH -> date.withDayOfMonth(1).atStartOfDay();
            case YEAR -> date.withDayOfYear(1).atStartOfDay();
        };
    }

    /** The interval that contains the instant: its start is at or before it, the next one's start after it. */
    LocalDateTime containing(Instant instant, ZoneId zone) {
        LocalDateTime start = floor(LocalDateTime.ofInstant(instant, zone));
        while (startOf(start, zone).isAfter(instant)) {
            start = plus(start, -1);
        }
        while (!startOf(plus(start, 1), zone).isAfter(instant)) {
            start = plus(start, 1);
        }
        return start;
    }

    /** The start of the interval {@code n} intervals after (or before) the one that starts at {@code start}. */
    LocalDateTime plus(LocalDateTime start, long n) {
        return switch (this) {
            case HOUR -> start.plusHours(n);
            case SIX_HOURS -> start.plusHours(6 * n);
            case DAY -> start.plusDays(n);
            case WEEK -> start.plusWeeks(n);
            case TWO_WEEKS -> start.plusWeeks(2 * n);
            case MONTH -> start.plusMonths(n);
            case YEAR -> start.plusYears(n);
        };
    }

    /** When an interval starts; a start that a DST gap skips moves forward by the gap's length. */
    Instant startOf(LocalDateTime start, ZoneId zone) {
        return ZonedDateTime.ofLocal(start, zone, null).toInstant();
    }

    String period(LocalDateTime start) {
        return switch (this) {
            case HOUR, SIX_HOURS -> MINUTES.format(start);
            case DAY -> start.toLocalDate().toString();
            case WEEK, TWO_WEEKS -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "%04d-%02d".formatted(start.getYear(), start.getMonthValue());
            case YEAR -> "%04d".formatted(start.getYear());
        };
    }

    String label(LocalDateTime start) {
        return adjective + " " + period(start);
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String codes() {
        return Arrays.stream(values()).map(Interval::code).collect(Collectors.joining(", "));
    }
}
