package io.lifeboat.scheduler.environments;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;

/** Keeps the scheduler's copy of projects and environments current; the gateway owns the originals. */
@Service
public class EnvironmentCopy {

    private final JdbcTemplate jdbc;

    public EnvironmentCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(Event event) {
        switch (event) {
            case ProjectUpserted p -> jdbc.update("""
                    INSERT INTO projects (project, tier, plan, timezone, schedule, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (project) DO UPDATE SET tier = excluded.tier, plan = excluded.plan,
                    timezone = excluded.timezone, schedule = excluded.schedule, deleted = false,
                    updated_at = excluded.updated_at""", p.project(), p.tier(), p.plan(), p.timezone(),
                    p.schedule(), Timestamp.from(p.occurredAt()));
            case ProjectDeleted p -> jdbc.update("UPDATE projects SET deleted = true WHERE project = ?", p.project());
            case EnvironmentUpserted e -> jdbc.update("""
                    INSERT INTO environments (project, name, type, status, commit_sha, parts, updated_at,
                                              registered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project, name) DO UPDATE SET type = excluded.type,
                    status = excluded.status, commit_sha = excluded.commit_sha, parts = excluded.parts,
                    updated_at = excluded.updated_at""", e.environment().project(), e.environment().environment(),
                    e.environmentType(), e.status(), e.commitSha(), EventCodec.writeParts(e.parts()),
                    Timestamp.from(e.occurredAt()), Timestamp.from(e.occurredAt()));
            case EnvironmentDeleted e -> jdbc.update("DELETE FROM environments WHERE project = ? AND name = ?",
                    e.environment().project(), e.environment().environment());
            default -> {
            }
        }
    }
}
