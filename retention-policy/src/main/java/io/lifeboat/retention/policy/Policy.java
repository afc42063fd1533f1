package io.lifeboat.retention.policy;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static io.lifeboat.retention.policy.Interval.DAY;
import static io.lifeboat.retention.policy.Interval.MONTH;
import static io.lifeboat.retention.policy.Interval.SIX_HOURS;
import static io.lifeboat.retention.policy.Interval.TWO_WEEKS;
import static io.lifeboat.retention.policy.Interval.WEEK;

/**
 * A backup schedule's retention: how many manual backups an environment may keep, and which automated backups.
 *
 * @param name            the policy's name, such as {@code advanced}
 * @param manualAllowance how many manual backups a production environment keeps, at least 0
 * @param rules           the automated rules, at most one per interval; kept sorted finest interval first
 */
public record Policy(String name, int manualAllowance, List<Rule> rules) {

    /** 2 manual; 1 automated backup for each of the last 2 days. */
    public static final Policy BASIC = new Policy("basic", 2, List.of(new Rule(DAY, 2)));
    /** 4 manual; 6 daily, 3 weekly and 12 monthly automated backups: 21. */
    public static final Policy ADVANCED = new Policy("advanced", 4,
            List.of(new Rule(DAY, 6), new Rule(WEEK, 3), new Rule(MONTH, 12)));
    /** 4 manual; 3 six-hourly backups in the last 24 hours, 30 daily and 11 monthly automated backups: 44. */
    public static final Policy PREMIUM = new Policy("premium", 4,
            List.of(new Rule(SIX_HOURS, 3), new Rule(DAY, 30), new Rule(MONTH, 11)));
    /**
     * Dedicated Gen 2, for backups every 6 hours: every backup of days 1-3, one a day for days 4-6, one a week
     * for weeks 2-6, one every two weeks for weeks 7-12, then one a month for 3 months, which reaches weeks
     * 20 to 26: 26.
     */
    public static final Policy DEDICATED_GEN2 = new Policy("dedicated-gen2", 4, List.of(new Rule(SIX_HOURS, 12),
            new Rule(DAY, 3), new Rule(WEEK, 5), new Rule(TWO_WEEKS, 3), new Rule(MONTH, 3)));

    private static final List<Policy> BUILT_IN = List.of(BASIC, ADVANCED, PREMIUM, DEDICATED_GEN2);

    public Policy {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("policy name is blank");
        }
        if (manualAllowance < 0) {
            throw new IllegalArgumentException("policy " + name + ": manual allowance " + manualAllowance + " < 0");
        }
        List<Rule> sorted = new ArrayList<>(Objects.requireNonNull(rules, "rules"));
        sorted.sort(Comparator.comparing(Rule::interval));
        Set<Interval> seen = EnumSet.noneOf(Interval.class);
        for (Rule rule : sorted) {
            if (!seen.add(Objects.requireNonNull(rule, "rule").interval())) {
                throw new IllegalArgumentException("policy " + name + ": two rules for interval "
                        + rule.interval().code());
            }
        }
        rules = List.copyOf(sorted);
    }

    /** A policy of its own, such as {@code [1d x7, 1w x4, 1M x12]}. */
    public static Policy custom(String name, int manualAllowance, List<Rule> rules) {
        return new Policy(name, manualAllowance, rules);
    }

    /**
     * A built-in policy by name: {@code basic}, {@code advanced}, {@code premium} or {@code dedicated-gen2},
     * in any case.
     *
     * @throws IllegalArgumentException naming the value, for any other name
     */
    public static Policy named(@Nullable String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return BUILT_IN.stream().filter(p -> p.name.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown retention policy \"" + name
                        + "\"; expected one of basic, advanced, premium, dedicated-gen2"));
    }

    /** How many automated backups the rules keep at most: the sum of their counts. */
    public int automatedCapacity() {
        return rules.stream().mapToInt(Rule::count).sum();
    }
}
