package io.lifeboat.gateway.schedule;

import io.lifeboat.gateway.identity.Audit;
import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.project.Project;
import io.lifeboat.gateway.project.Projects;
import io.lifeboat.gateway.project.Tiers;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.retention.policy.Interval;
import io.lifeboat.retention.policy.Policy;
import io.lifeboat.retention.policy.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Reads and changes a project's backup schedule within what its tier allows. */
@Service
class Schedules {

    static final int PREVIEW_MANUAL_BACKUPS = 2;

    private final Projects projects;
    private final ProjectAccess access;
    private final Audit audit;

    Schedules(Projects projects, ProjectAccess access, Audit audit) {
        this.projects = projects;
        this.access = access;
        this.audit = audit;
    }

    ScheduleView view(String id) {
        return view(projects.view(id));
    }

    @Transactional
    ScheduleView change(String id, String schedule) {
        Project project = projects.view(id);
        if (Tiers.rank(schedule) < 0) {
            throw Problems.invalid("schedule", "schedule must be basic, advanced or premium");
        }
        boolean downgrade = Tiers.rank(schedule) < Tiers.rank(project.schedule());
        access.require(id, downgrade ? ProjectAccess.Need.SUPPORT : ProjectAccess.Need.ADMIN);
        if (schedule.equals(project.schedule())) {
            return view(project);
        }
        if (!Tiers.allows(project.tier(), schedule)) {
            throw Problems.conflict("schedule-not-in-tier", "the " + project.tier() + " tier offers "
                    + String.join(" and ", Tiers.schedules(project.tier())) + " schedules, not " + schedule);
        }
        boolean upgrade = !downgrade;
        Project changed = projects.setSchedule(id, schedule);
        audit.record(upgrade ? "schedule.upgraded" : "schedule.downgraded", "project/" + id,
                project.schedule() + " -> " + schedule);
        return view(changed);
    }

    private static ScheduleView view(Project project) {
        Policy policy = Policy.named(project.schedule());
        boolean automated = !project.plan().equals("development");
        List<String> upgrades = Tiers.schedules(project.tier()).stream()
                .filter(s -> Tiers.rank(s) > Tiers.rank(project.schedule())).toList();
        return new ScheduleView(project.id(), project.tier(), project.plan(), project.timezone(), project.schedule(),
                policy.manualAllowance(), PREVIEW_MANUAL_BACKUPS, automated ? policy.automatedCapacity() : 0,
                automated ? times(policy) : List.of(),
                policy.rules().stream().map(Rule::describe).toList(), upgrades);
    }

    /** The daily backup at 04:00, and every 6 hours from it when the policy keeps 6-hourly backups. */
    private static List<String> times(Policy policy) {
        return policy.rules().stream().anyMatch(r -> r.interval() == Interval.SIX_HOURS)
                ? List.of("04:00", "10:00", "16:00", "22:00") : List.of("04:00");
    }
}
