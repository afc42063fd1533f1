package io.lifeboat.cli.schedule;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import io.lifeboat.cli.output.PropertyTable;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "schedule:upgrade", description = {
        "Move a project to a higher backup schedule (schedule:get lists the possible upgrades).",
        "An upgrade costs extra; to downgrade, contact support."})
final class ScheduleUpgrade implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "SCHEDULE", description = "The schedule to move to, for example premium.")
    String schedule;

    @Override
    public Integer call() {
        Output out = format.output();
        JsonNode state = api.client().post(project.schedulePath(),
                Map.of("schedule", schedule.trim().toLowerCase(Locale.ROOT)));
        out.note("The backup schedule of " + project.project() + " is now "
                + state.path("schedule").asString(schedule) + ".");
        out.result(state, s -> PropertyTable.of(s, Set.of()).render());
        return 0;
    }
}
