package io.lifeboat.gateway.project;

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

    /** Where a schedule ranks among all schedules: basic 0, advanced 1, premium 2. */
    public static int rank(String schedule) {
        return List.of("basic", "advanced", "premium").indexOf(schedule);
    }

    private Tiers() {
    }
}
