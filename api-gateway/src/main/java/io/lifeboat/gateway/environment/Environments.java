package io.lifeboat.gateway.environment;

import io.lifeboat.connector.Connectors;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of environments. Credentials are sealed as soon as they arrive; every change is published
 * on the environments topic for the services that keep a copy.
 */
@Service
public class Environments {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final SecretSealer sealer;
    private final Outbox outbox;
    private final Clock clock;
    private final Connectors connectors = new Connectors();
    private final ProjectAccess access;
    private final Audit audit;
    private final Operations operations;

    Environments(JdbcClient jdbc, Projects projects, SecretSealer sealer, Outbox outbox, Clock clock,
                 ProjectAccess access, Audit audit, Operations operations) {
        this.operations = operations;
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
        Hooks hooks = request.hooks() == null ? null : new Hooks(request.hooks().hold(), request.hooks().release());
        Environment environment = new Environment(ref, request.type(),
                request.status() == null ? "active" : request.status(), request.code().commit(), parts(ref, request),
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
        Hooks hooks = request.hooks() == null ? null : new Hooks(request.hooks().hold(), request.hooks().release());
        List<PartSpec> parts = keepSecrets(parts(ref, request), old.parts());
        Environment changed = new Environment(ref, request.type(),
                request.status() == null ? old.status() : request.status(), request.code().commit(), parts, hooks,
                old.createdAt(), clock.instant());
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
            parts.add(Branching.branch(part, parentRef, ref, sealer));
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
        remove(ref);
        outbox.add(Topics.ENVIRONMENTS, new EnvironmentDeleted(Ids.eventId(), clock.instant(), ref));
        audit.record("environment.deleted", target(ref), null);
    }

    /** Removes an environment's registration without telling anyone; the caller publishes what it means. */
    public void remove(EnvironmentRef ref) {
        jdbc.sql("DELETE FROM environments WHERE project_id = ? AND name = ?").params(ref.project(), ref.environment())
                .update();
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
            if (!connectors.types().contains(part.type())) {
                throw new IllegalArgumentException("part " + part.name() + " has unsupported type " + part.type());
            }
            connectors.get(part.type()).validate(part);
        });
        Instant now = clock.instant();
        Optional<Environment> old = find(ref);
        Environment environment = new Environment(ref, type, status, commitSha, parts,
                old.map(Environment::hooks).orElse(null), old.map(Environment::createdAt).orElse(now), now);
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

    private static List<PartSpec> keepSecrets(List<PartSpec> parts, List<PartSpec> old) {
        return parts.stream().map(p -> p.sealedSecret() != null ? p : old.stream()
                .filter(o -> o.name().equals(p.name()) && o.type().equals(p.type()) && o.sealedSecret() != null)
                .findFirst().map(o -> new PartSpec(p.name(), p.type(), p.settings(), o.sealedSecret())).orElse(p))
                .toList();
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

    private List<PartSpec> parts(EnvironmentRef ref, EnvironmentRequest request) {
        List<PartSpec> parts = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of("code"));
        List<EnvironmentRequest.Service> services = request.services() == null ? List.of() : request.services();
        for (int i = 0; i < services.size(); i++) {
            EnvironmentRequest.Service service = services.get(i);
            requireUnique(names, service.name(), "services[" + i + "].name");
            if (!connectors.types().contains(service.type()) || Set.of("mount", "code").contains(service.type())) {
                throw Problems.invalid("services[" + i + "].type", "service type '" + service.type()
                        + "' is not supported; supported: " + serviceTypes());
            }
            Map<String, String> settings = new HashMap<>(service.connection());
            String password = settings.remove("password");
            PartSpec part = new PartSpec(service.name(), service.type(), settings,
                    password == null ? null : sealer.seal(password, SecretSealer.context(ref, service.name())));
            validate(part, "services[" + i + "].connection");
            parts.add(part);
        }
        List<EnvironmentRequest.Mount> mounts = request.mounts() == null ? List.of() : request.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            requireUnique(names, mounts.get(i).name(), "mounts[" + i + "].name");
            parts.add(new PartSpec(mounts.get(i).name(), "mount", Map.of("path", mounts.get(i).path()), null));
        }
        Map<String, String> code = new HashMap<>(Map.of("commit", request.code().commit()));
        if (request.code().path() != null) {
            code.put("path", request.code().path());
        }
        parts.add(new PartSpec("code", "code", code, null));
        return parts;
    }

    private void validate(PartSpec part, String field) {
        try {
            connectors.get(part.type()).validate(part);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, e.getMessage());
        }
    }

    private static void requireUnique(Set<String> names, String name, String field) {
        if (!names.add(name)) {
            throw Problems.invalid(field, "part name '" + name + "' is used twice (or is the reserved name 'code')");
        }
    }

    private List<String> serviceTypes() {
        return connectors.types().stream().filter(t -> !Set.of("mount", "code").contains(t)).toList();
    }
}
