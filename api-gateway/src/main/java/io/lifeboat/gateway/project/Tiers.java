package io.lifeboat.gateway.project;

import java.util.Comparator;
import java.util.List;

/**
 * Which backup schedules each tier may have, cheapest first; the first is the default. Professional has Basic
 * and may upgrade to Advanced; Enterprise and Elite have Advanced and may upgrade to Premium.
 */
public final class Tiers {

    public static List<String> schedules(String tier) {
        return switch (tier) {
            case "professional" -> List.of("basic", "advanced");
            case "enterprise", "elite" -> List.of("advanced", "premium");
            default -> throw new IllegalArgumentException("unknown tier " + tier);
        };
    }

    public static String defaultSchedule(String tier) {
        return schedules(tier).getFirst();
    }

    public static boolean allows(String tier, String schedule) {
        return schedules(tier).contains(schedule);
    }

    /**
     * The schedule a project keeps when it moves to this tier: its own if the tier allows it, otherwise the
     * allowed one nearest to it, the cheaper on a tie. Enterprise on Premium moved to Professional gets
     * Advanced; Professional on Basic moved to Enterprise gets Advanced.
     */
    public static String nearest(String tier, String schedule) {
        Comparator<String> distance = Comparator.comparingInt(s -> Math.abs(rank(s) - rank(schedule)));
        return schedules(tier).stream().min(distance.thenComparingInt(Tiers::rank)).orElseThrow();
    }

    /** Where a schedule ranks among all schedules: basic 0, advanced 1, premium 2. */
    public static int rank(String schedule) {
        return List.of("basic", "advanced", "premium").indexOf(schedule);
    }

    private Tiers() {
    }
}
