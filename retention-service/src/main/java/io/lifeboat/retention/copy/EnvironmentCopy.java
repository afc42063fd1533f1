package io.lifeboat.retention.copy;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.List;

/**
 * Keeps this service's copy of projects and environments; the gateway owns the originals. Idempotent: a change
 * older than the copy is ignored, so redelivered events change nothing. A deletion is kept as a time, so that
 * backups completing afterwards are deleted too.
 */
@Service
public class EnvironmentCopy {

    private final JdbcTemplate jdbc;

    EnvironmentCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies a project or environment event; returns the environments whose backups it concerns. */
    @Transactional
    public List<EnvironmentRef> apply(Event event) {
        switch (event) {
            case ProjectUpserted p -> {
                jdbc.update("""
                        INSERT INTO projects (project, plan, timezone, schedule, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (project) DO UPDATE SET plan = excluded.plan, timezone = excluded.timezone,
                        schedule = excluded.schedule, updated_at = excluded.updated_at, deleted_at = CASE
                        WHEN projects.deleted_at < excluded.updated_at THEN NULL ELSE projects.deleted_at END
                        WHERE projects.updated_at <= excluded.updated_at""", p.project(), p.plan(), p.timezone(),
                        p.schedule(), at(p));
                return environmentsOf(p.project());
            }
            case ProjectDeleted p -> {
                jdbc.update("""
                        INSERT INTO projects (project, deleted_at, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (project) DO UPDATE SET updated_at = excluded.updated_at,
                        deleted_at = coalesce(projects.deleted_at, excluded.deleted_at)
                        WHERE projects.updated_at <= excluded.updated_at""", p.project(), at(p), at(p));
                return environmentsOf(p.project());
            }
            case EnvironmentUpserted e -> {
                jdbc.update("""
                        INSERT INTO environments (project, name, type, status, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (project, name) DO UPDATE SET type = excluded.type, status = excluded.status,
                        updated_at = excluded.updated_at, deleted_at = CASE
                        WHEN environments.deleted_at < excluded.updated_at THEN NULL ELSE environments.deleted_at END
                        WHERE environments.updated_at <= excluded.updated_at""", e.environment().project(),
                        e.environment().environment(), e.environmentType(), e.status(), at(e));
                return List.of(e.environment());
            }
            case EnvironmentDeleted e -> {
                jdbc.update("""
                        INSERT INTO environments (project, name, deleted_at, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (project, name) DO UPDATE SET updated_at = excluded.updated_at,
                        deleted_at = coalesce(environments.deleted_at, excluded.deleted_at)
                        WHERE environments.updated_at <= excluded.updated_at""", e.environment().project(),
                        e.environment().environment(), at(e), at(e));
                return List.of(e.environment());
            }
            default -> {
            }
        }
        return List.of();
    }

    /** The environments of a project that have backups: the only ones with something to decide on. */
    private List<EnvironmentRef> environmentsOf(String project) {
        return jdbc.query("SELECT DISTINCT environment FROM backups WHERE project = ? ORDER BY 1",
                (rs, n) -> new EnvironmentRef(project, rs.getString(1)), project);
    }

    private static Timestamp at(Event event) {
        return Timestamp.from(event.occurredAt());
    }
}
