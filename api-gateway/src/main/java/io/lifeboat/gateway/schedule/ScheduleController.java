package io.lifeboat.gateway.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScheduleController {

    /** The body of a schedule change: {@code basic}, {@code advanced} or {@code premium}. */
    record ScheduleChange(@NotBlank String schedule) {
    }

    private final Schedules schedules;

    ScheduleController(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/projects/{project}/backup-schedule")
    ScheduleView get(@PathVariable String project) {
        return schedules.view(project);
    }

    /** Upgrades (admins) or downgrades (support) the schedule; a change takes effect from the next slot. */
    @PostMapping("/projects/{project}/backup-schedule")
    ScheduleView change(@PathVariable String project, @Valid @RequestBody ScheduleChange change) {
        return schedules.change(project, change.schedule());
    }
}
