package io.lifeboat.cli.schedule;

import java.util.List;

/** The {@code schedule:*} commands, for {@code lifeboat} to register. */
public final class ScheduleCommands {

    public static List<Object> all() {
        return List.of(new ScheduleGet(), new ScheduleUpgrade());
    }

    private ScheduleCommands() {
    }
}
