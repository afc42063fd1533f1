package io.lifeboat.connector.mariadb;

/** Makes a MariaDB switch-over or switch-back fail before a named step, as a stopped or failing run would. */
public final class MariaDbFaults {

    /** The steps, in order; {@code back:…} are the switch-back's. */
    public static final String[] SWITCH_OVER = {"create", "drop", "rename", "definitions", "grants"};
    public static final String[] SWITCH_BACK = {"back:drop", "back:rename", "back:definitions", "back:grants",
            "back:cleanup"};

    private MariaDbFaults() {
    }

    public static void failBefore(String step) {
        MariaDbRestore.beforeStep = current -> {
            if (current.equals(step)) {
                throw new IllegalStateException("injected fault before " + step);
            }
        };
    }

    public static void clear() {
        MariaDbRestore.beforeStep = step -> { };
    }
}
