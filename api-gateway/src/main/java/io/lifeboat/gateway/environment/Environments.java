package io.lifeboat.gateway.environment;

import io.lifeboat.connector.Connectors;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.gateway.project.Projects;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.support.events.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    Environments(JdbcClient jdbc, Projects projects, SecretSealer sealer, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.sealer = sealer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Environment create(String project, EnvironmentRequest request) {
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
        jdbc.sql("""
                INSERT INTO environments (project_id, name, type, status, commit_sha, parts, hold_hook, release_hook,
                                          created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(project, ref.environment(), environment.type(),
                environment.status(), environment.commitSha(), EventCodec.writeParts(environment.parts()),
                hooks == null ? null : hooks.hold(), hooks == null ? null : hooks.release(),
                Timestamp.from(now), Timestamp.from(now)).update();
        publish(environment);
        return environment;
    }

    @Transactional
    Environment setStatus(EnvironmentRef ref, String status) {
        Environment environment = require(ref);
        jdbc.sql("UPDATE environments SET status = ?, updated_at = ? WHERE project_id = ? AND name = ?")
                .params(status, Timestamp.from(clock.instant()), ref.project(), ref.environment()).update();
        Environment changed = require(ref);
        if (!environment.status().equals(status)) {
            publish(changed);
        }
        return changed;
    }

    public Optional<Environment> find(EnvironmentRef ref) {
        return jdbc.sql("SELECT * FROM environments WHERE project_id = ? AND name = ?")
                .params(ref.project(), ref.environment())
                .query((rs, n) -> new Environment(ref, rs.getString("type"), rs.getString("status"),
                        rs.getString("commit_sha"), EventCodec.readParts(rs.getString("parts")),
                        rs.getString("hold_hook") == null ? null
                                : new Hooks(rs.getString("hold_hook"), rs.getString("release_hook")),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional();
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
