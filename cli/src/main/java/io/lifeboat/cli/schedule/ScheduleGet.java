package io.lifeboat.cli.schedule;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.output.OutputOptions;
import io.lifeboat.cli.output.PropertyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "schedule:get", description = {
        "Show a project's backup schedule: its tier, how many manual and automated backups it keeps, "
                + "and the schedules it can be upgraded to."})
final class ScheduleGet implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    ProjectOption project;

    @Override
    public Integer call() {
        format.output().result(api.client().get(project.schedulePath()),
                schedule -> PropertyTable.of(schedule, Set.of()).render());
        return 0;
    }
}
