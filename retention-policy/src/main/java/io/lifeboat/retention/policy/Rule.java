package io.lifeboat.retention.policy;

import java.util.Objects;

/**
 * Keep the first (earliest) backup of each of the last {@code count} intervals.
 *
 * <p>The rules of a policy form a cascade, finest interval first. Each rule looks back from where the finer
 * rule's window ends, so the first backup of an interval passes down from one rule to the next. See
 * {@code docs/retention.md}.
 *
 * @param interval the calendar interval
 * @param count    how many of the most recent intervals keep their first backup, at least 1
 */
public record Rule(Interval interval, int count) {

    public Rule {
        Objects.requireNonNull(interval, "interval");
        if (count < 1) {
            throw new IllegalArgumentException("rule " + interval.code() + " needs a count of at least 1, not "
                    + count);
        }
    }

    /** The rule as people read it, such as {@code 1w x 4}. */
    public String describe() {
        return interval.code() + " x " + count;
    }

    /** A rule read from a custom policy, such as {@code ("1w", 4)}. */
    public static Rule of(String interval, int count) {
        return new Rule(Interval.parse(interval), count);
    }
}
