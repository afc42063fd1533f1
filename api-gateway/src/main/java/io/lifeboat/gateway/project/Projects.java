package io.lifeboat.gateway.project;

import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.support.events.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Projects: created, read; every change is published on the environments topic. */
@Service
public class Projects {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    Projects(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Project create(ProjectRequest request) {
        String timezone = request.timezone() == null ? "UTC" : request.timezone();
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw Problems.invalid("timezone", "timezone '" + timezone + "' is not an IANA time zone id");
        }
        if (find(request.id()).isPresent()) {
            throw Problems.conflict("project-exists", "project " + request.id() + " already exists");
        }
        String tier = request.tier() == null ? "professional" : request.tier();
        String schedule = tier.equals("professional") ? "basic" : "advanced";
        Instant now = clock.instant();
        Project project = new Project(request.id(), request.title() == null ? request.id() : request.title(), tier,
                request.plan() == null ? "production" : request.plan(), timezone, schedule, now, now);
        jdbc.sql("""
                INSERT INTO projects (id, title, tier, plan, timezone, schedule, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(project.id(), project.title(), project.tier(),
                project.plan(), project.timezone(), project.schedule(), Timestamp.from(now), Timestamp.from(now))
                .update();
        outbox.add(Topics.ENVIRONMENTS, new ProjectUpserted(Ids.eventId(), now, project.id(), project.tier(),
                project.plan(), project.timezone(), project.schedule()));
        return project;
    }

    public Optional<Project> find(String id) {
        return jdbc.sql("SELECT * FROM projects WHERE id = ?").param(id).query((rs, n) -> new Project(
                rs.getString("id"), rs.getString("title"), rs.getString("tier"), rs.getString("plan"),
                rs.getString("timezone"), rs.getString("schedule"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant())).optional();
    }

    public Project require(String id) {
        return find(id).orElseThrow(() -> Problems.notFound("project " + id));
    }
}
