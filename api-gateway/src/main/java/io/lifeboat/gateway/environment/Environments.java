package io.lifeboat.gateway.environment;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.gateway.identity.Audit;
import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.operation.Operations;
import io.lifeboat.gateway.project.ProjectDeleting;
import io.lifeboat.gateway.project.Projects;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.support.events.Outbox;
import io.lifeboat.support.files.FilesProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of environments. Credentials are sealed as soon as they arrive; every change is published
 * on the environments topic for the services that keep a copy.
 */
@Service
public class Environments {

    private static final String DEACTIVATED = "environment %s was deactivated before this operation started";

    private final JdbcClient jdbc;
    private final Projects projects;
    private final SecretSealer sealer;
    private final Outbox outbox;
    private final Clock clock;
    private final ProjectAccess access;
    private final Audit audit;
    private final Operations operations;
    private final EnvironmentParts partBuilder;

    Environments(JdbcClient jdbc, Projects projects, SecretSealer sealer, Outbox outbox, Clock clock,
                 ProjectAccess access, Audit audit, Operations operations, FilesProperties files) {
        this.operations = operations;
        this.partBuilder = new EnvironmentParts(sealer, FileRoots.of(files.roots()));
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.projects = projects;
        this.sealer = sealer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Environment create(String project, EnvironmentRequest request) {
        access.require(project, ProjectAccess.Need.ADMIN);
        projects.require(project);
        EnvironmentRef ref = new EnvironmentRef(project, request.name());
        if (find(ref).isPresent()) {
            throw Problems.conflict("environment-exists", "environment " + ref + " already exists");
        }
        Instant now = clock.instant();
        Hooks hooks = EnvironmentHooks.of(request.hooks(), null, sealer, project);
        Environment environment = new Environment(ref, request.type(),
                request.status() == null ? "active" : request.status(), request.code().commit(), partBuilder.of(ref, request),
                hooks, now, now);
        insert(environment);
        publish(environment);
        audit.record("environment.created", "project/" + project + "/environment/" + ref.environment(),
                environment.type() + ", " + environment.status());
        return environment;
    }

    /** Replaces an environment's registration; a service given without a password keeps the one it had. */
    @Transactional
    Environment update(EnvironmentRef ref, EnvironmentRequest request) {
        access.require(ref.project(), ProjectAccess.Need.ADMIN);
        Environment old = require(ref);
        if (!request.name().equals(ref.environment())) {
            throw Problems.invalid("name", "name '" + request.name() + "' differs from the environment in the path, '"
                    + ref.environment() + "'; environments cannot be renamed");
        }
        Hooks hooks = EnvironmentHooks.of(request.hooks(), old.hooks(), sealer, ref.project());
        List<PartSpec> parts = EnvironmentParts.keepSecrets(partBuilder.of(ref, request), old.parts());
        Environment changed = new Environment(ref, request.type(),
                request.status() == null ? old.status() : request.status(), request.code().commit(), parts, hooks,
                old.createdAt(), clock.instant());
        endQueueIfInactive(changed);
        write(changed);
        publish(changed);
        audit.record("environment.updated", target(ref), changed.type() + ", " + changed.status());
        return changed;
    }

    /**
     * Registers a new environment as a branch of another: the same parts and code, each service's database and
     * each path suffixed with the new name, so that a restore into it never touches the parent's data.
     */
    @Transactional
    public Environment branch(EnvironmentRef parentRef, String name) {
        access.require(parentRef.project(), ProjectAccess.Need.ADMIN);
        Environment parent = find(parentRef).orElseThrow(() -> Problems.invalid("branch_from",
                "branch_from environment " + parentRef + " does not exist"));
        EnvironmentRef ref = new EnvironmentRef(parentRef.project(), name);
        List<PartSpec> parts = new ArrayList<>();
        for (PartSpec part : parent.parts()) {
            PartSpec branched = Branching.branch(part, parentRef, ref, sealer);
            try {
                partBuilder.requireInRoots(ref, branched);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("branch_from", "environment " + parentRef + " cannot be branched: "
                        + e.getMessage());
            }
            parts.add(branched);
        }
        Instant now = clock.instant();
        Environment environment = new Environment(ref, parent.type().equals("production") ? "staging" : parent.type(),
                "active", parent.commitSha(), parts, null, now, now);
        insert(environment);
        publish(environment);
        audit.record("environment.branched", target(ref), "from " + parentRef.environment());
        return environment;
    }

    /** Deletes an environment: its queued operations are cancelled and retention deletes its backups. */
    @Transactional
    public void delete(EnvironmentRef ref) {
        access.require(ref.project(), ProjectAccess.Need.ADMIN);
        require(ref);
        operations.cancelQueued(ref, "environment " + ref + " was deleted before this operation started");
        jdbc.sql("DELETE FROM environments WHERE project_id = ? AND name = ?").params(ref.project(), ref.environment())
                .update();
        outbox.add(Topics.ENVIRONMENTS, new EnvironmentDeleted(Ids.eventId(), clock.instant(), ref));
        audit.record("environment.deleted", target(ref), null);
    }

    /** A deleted project's queued operations are cancelled before its tombstone backups are requested. */
    @EventListener
    @Order(0)
    void cancelQueued(ProjectDeleting event) {
        for (Environment environment : list(event.project())) {
            operations.cancelQueued(environment.ref(), "project " + event.project() + " was deleted");
        }
    }

    /** A deleted project's environments go after its tombstone backups were requested. */
    @EventListener
    @Order(2)
    void onProjectDeleting(ProjectDeleting event) {
        jdbc.sql("DELETE FROM environments WHERE project_id = ?").param(event.project()).update();
    }

    /** The environments of a project, by name. */
    public List<Environment> list(String project) {
        access.require(project, ProjectAccess.Need.VIEW);
        projects.require(project);
        return jdbc.sql("SELECT * FROM environments WHERE project_id = ? ORDER BY name").param(project)
                .query((rs, n) -> environment(new EnvironmentRef(project, rs.getString("name")), rs)).list();
    }

    /**
     * Creates or replaces an environment the platform registered; its credentials arrive sealed.
     *
     * @throws IllegalArgumentException when the project does not exist or a part is invalid
     */
    @Transactional
    public void upsertFromPlatform(EnvironmentRef ref, String type, String status, String commitSha,
                                   List<PartSpec> parts) {
        if (projects.find(ref.project()).isEmpty()) {
            throw new IllegalArgumentException("project " + ref.project() + " is not registered with Lifeboat");
        }
        parts.forEach(part -> {
            partBuilder.validate(part);
            partBuilder.requireInRoots(ref, part);
        });
        Instant now = clock.instant();
        Optional<Environment> old = find(ref);
        Environment environment = new Environment(ref, type, status, commitSha, parts,
                old.map(Environment::hooks).orElse(null), old.map(Environment::createdAt).orElse(now), now);
        endQueueIfInactive(environment);
        if (old.isPresent()) {
            write(environment);
        } else {
            insert(environment);
        }
        publish(environment);
        audit.record("environment.registered-by-platform", target(ref), type + ", " + status);
    }

    @Transactional
    public Environment setStatus(EnvironmentRef ref, String status) {
        access.require(ref.project(), ProjectAccess.Need.ADMIN);
        Environment environment = require(ref);
        if (!status.equals("active")) {
            operations.cancelQueued(ref, DEACTIVATED.formatted(ref));
        }
        jdbc.sql("UPDATE environments SET status = ?, updated_at = ? WHERE project_id = ? AND name = ?")
                .params(status, Timestamp.from(clock.instant()), ref.project(), ref.environment()).update();
        Environment changed = require(ref);
        if (!environment.status().equals(status)) {
            publish(changed);
            audit.record("environment." + (status.equals("active") ? "activated" : "deactivated"),
                    "project/" + ref.project() + "/environment/" + ref.environment(), null);
        }
        return changed;
    }

    /**
     * However an environment becomes inactive (deactivate, a registration or a platform upsert), its queued
     * backups and restores are cancelled. Called before the status is written: the queue's lock is taken
     * first, so an operation ending meanwhile either starts its successor before, or sees the status after.
     */
    private void endQueueIfInactive(Environment environment) {
        if (!environment.active()) {
            operations.cancelQueued(environment.ref(), DEACTIVATED.formatted(environment.ref()));
        }
    }

    public Optional<Environment> find(EnvironmentRef ref) {
        return jdbc.sql("SELECT * FROM environments WHERE project_id = ? AND name = ?")
                .params(ref.project(), ref.environment()).query((rs, n) -> environment(ref, rs)).optional();
    }

    private static Environment environment(EnvironmentRef ref, ResultSet rs) throws SQLException {
        return new Environment(ref, rs.getString("type"), rs.getString("status"), rs.getString("commit_sha"),
                EventCodec.readParts(rs.getString("parts")), rs.getString("hold_hook") == null ? null
                : new Hooks(rs.getString("hold_hook"), rs.getString("release_hook")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private void insert(Environment e) {
        jdbc.sql("""
                INSERT INTO environments (project_id, name, type, status, commit_sha, parts, hold_hook, release_hook,
                                          created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(e.ref().project(), e.ref().environment(), e.type(),
                e.status(), e.commitSha(), EventCodec.writeParts(e.parts()),
                e.hooks() == null ? null : e.hooks().hold(), e.hooks() == null ? null : e.hooks().release(),
                Timestamp.from(e.createdAt()), Timestamp.from(e.updatedAt())).update();
    }

    private void write(Environment e) {
        jdbc.sql("""
                UPDATE environments SET type = ?, status = ?, commit_sha = ?, parts = ?, hold_hook = ?,
                release_hook = ?, updated_at = ? WHERE project_id = ? AND name = ?""").params(e.type(), e.status(),
                e.commitSha(), EventCodec.writeParts(e.parts()), e.hooks() == null ? null : e.hooks().hold(),
                e.hooks() == null ? null : e.hooks().release(), Timestamp.from(e.updatedAt()), e.ref().project(),
                e.ref().environment()).update();
    }

    private static String target(EnvironmentRef ref) {
        return "project/" + ref.project() + "/environment/" + ref.environment();
    }

    /** The environment, for a caller who may see it; 404 otherwise. */
    public Environment view(EnvironmentRef ref) {
        access.require(ref.project(), ProjectAccess.Need.VIEW);
        return require(ref);
    }

    /** The environment; 404 when the project or the environment does not exist. */
    public Environment require(EnvironmentRef ref) {
        projects.require(ref.project());
        return find(ref).orElseThrow(() -> Problems.notFound("environment " + ref));
    }

    /** An active environment; 409 telling to activate it first when it is inactive. */
    public Environment requireActive(EnvironmentRef ref) {
        Environment environment = require(ref);
        if (!environment.active()) {
            throw Problems.inactive(ref.toString());
        }
        return environment;
    }

    private void publish(Environment environment) {
        outbox.add(Topics.ENVIRONMENTS, new EnvironmentUpserted(Ids.eventId(), clock.instant(), environment.ref(),
                environment.type(), environment.status(), environment.commitSha(), environment.parts()));
    }
}
