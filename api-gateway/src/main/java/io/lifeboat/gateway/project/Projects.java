package io.lifeboat.gateway.project;

import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.gateway.identity.Audit;
import io.lifeboat.gateway.identity.Caller;
import io.lifeboat.gateway.identity.Callers;
import io.lifeboat.gateway.identity.LiveProjects;
import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.support.events.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Projects: created, changed and deleted; every change is published on the environments topic. */
@Service
public class Projects implements LiveProjects {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final ProjectAccess access;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    Projects(JdbcClient jdbc, Outbox outbox, Clock clock, ProjectAccess access, Audit audit,
             ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    Project create(ProjectRequest request) {
        access.requireProjectCreator();
        String timezone = request.timezone() == null ? "UTC" : request.timezone();
        requireZone(timezone);
        if (jdbc.sql("SELECT count(*) FROM projects WHERE id = ?").param(request.id()).query(Long.class).single() > 0) {
            throw Problems.conflict("project-exists", "project id " + request.id() + " is not available; "
                    + "choose another");
        }
        String tier = request.tier() == null ? "professional" : request.tier();
        String schedule = Tiers.defaultSchedule(tier);
        Instant now = clock.instant();
        Project project = new Project(request.id(), request.title() == null ? request.id() : request.title(), tier,
                request.plan() == null ? "production" : request.plan(), timezone, schedule, now, now);
        jdbc.sql("""
                INSERT INTO projects (id, title, tier, plan, timezone, schedule, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(project.id(), project.title(), project.tier(),
                project.plan(), project.timezone(), project.schedule(), Timestamp.from(now), Timestamp.from(now))
                .update();
        publish(project);
        access.grantCreator(project.id());
        audit.record("project.created", "project/" + project.id(), project.tier() + ", " + project.plan());
        return project;
    }

    /**
     * Changes a project's title, plan or time zone (admins), or its tier (support). A patch that changes
     * nothing still needs one of those roles, so that a viewer's is refused. A new tier keeps the nearest
     * schedule it allows.
     */
    @Transactional
    Project update(String id, ProjectPatch patch) {
        Project old = view(id);
        boolean tierChanges = patch.tier() != null && !patch.tier().equals(old.tier());
        if (tierChanges) {
            access.require(id, ProjectAccess.Need.SUPPORT, "the tier is set by support or the platform");
        }
        if (patch.title() != null || patch.plan() != null || patch.timezone() != null
                || !tierChanges && !Callers.current().support()) {
            access.require(id, ProjectAccess.Need.ADMIN);
        }
        if (patch.timezone() != null) {
            requireZone(patch.timezone());
        }
        String tier = patch.tier() == null ? old.tier() : patch.tier();
        String schedule = Tiers.nearest(tier, old.schedule());
        Project changed = new Project(id, patch.title() == null ? old.title() : patch.title(), tier,
                patch.plan() == null ? old.plan() : patch.plan(),
                patch.timezone() == null ? old.timezone() : patch.timezone(), schedule, old.createdAt(),
                clock.instant());
        write(changed);
        audit.record("project.updated", "project/" + id, changed.tier() + ", " + changed.plan() + ", "
                + changed.timezone() + ", " + changed.schedule());
        return changed;
    }

    /** Sets the backup schedule; the caller checked that the tier allows it and the caller may do it. */
    @Transactional
    public Project setSchedule(String id, String schedule) {
        Project old = require(id);
        Project changed = new Project(id, old.title(), old.tier(), old.plan(), old.timezone(), schedule,
                old.createdAt(), clock.instant());
        write(changed);
        return changed;
    }

    /**
     * Deletes a project: a tombstone backup of each active environment is taken, the environments go, the
     * members and project tokens lose access, and the id is never given to another project.
     */
    @Transactional
    public void delete(String id) {
        access.require(id, ProjectAccess.Need.ADMIN);
        require(id);
        events.publishEvent(new ProjectDeleting(id));
        Instant now = clock.instant();
        jdbc.sql("UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
        access.forgetProject(id);
        outbox.add(Topics.ENVIRONMENTS, new ProjectDeleted(Ids.eventId(), now, id));
        audit.record("project.deleted", "project/" + id, null);
    }

    /** The projects the caller may see, newest first. */
    List<Project> list(int limit, Instant before) {
        Caller caller = Callers.current();
        boolean all = caller.root() || caller.platform() || caller.support();
        return jdbc.sql("""
                SELECT * FROM projects p WHERE deleted_at IS NULL AND created_at < ?
                AND (CAST(? AS text) IS NULL OR id = ?)
                AND (? OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = p.id AND m.user_id = ?))
                ORDER BY created_at DESC, id DESC LIMIT ?""").params(Timestamp.from(before), caller.scopedProject(),
                caller.scopedProject(), all, caller.userId(), limit).query(Projects::project).list();
    }

    private void write(Project p) {
        jdbc.sql("""
                UPDATE projects SET title = ?, tier = ?, plan = ?, timezone = ?, schedule = ?, updated_at = ?
                WHERE id = ?""").params(p.title(), p.tier(), p.plan(), p.timezone(), p.schedule(),
                Timestamp.from(p.updatedAt()), p.id()).update();
        publish(p);
    }

    private void publish(Project p) {
        outbox.add(Topics.ENVIRONMENTS, new ProjectUpserted(Ids.eventId(), clock.instant(), p.id(), p.tier(),
                p.plan(), p.timezone(), p.schedule()));
    }

    private static void requireZone(String timezone) {
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw Problems.invalid("timezone", "timezone '" + timezone + "' is not an IANA time zone id");
        }
    }

    private static Project project(ResultSet rs, int n) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("title"), rs.getString("tier"), rs.getString("plan"),
                rs.getString("timezone"), rs.getString("schedule"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    public Optional<Project> find(String id) {
        return jdbc.sql("SELECT * FROM projects WHERE id = ? AND deleted_at IS NULL").param(id)
                .query(Projects::project).optional();
    }

    @Override
    public boolean exists(String id) {
        return find(id).isPresent();
    }

    /** The project, for a caller who may see it; 404 otherwise. */
    public Project view(String id) {
        access.require(id, ProjectAccess.Need.VIEW);
        return require(id);
    }

    public Project require(String id) {
        return find(id).orElseThrow(() -> Problems.notFound("project " + id));
    }

    /** Refuses (409) a project that is not deleted, where only a deleted project's backups may be used. */
    public void requireDeleted(String id, String otherwise) {
        if (find(id).isPresent()) {
            throw Problems.conflict("project-not-deleted", "project " + id + " is not deleted: " + otherwise);
        }
    }
}
