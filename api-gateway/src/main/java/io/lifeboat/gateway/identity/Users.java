package io.lifeboat.gateway.identity;

import io.lifeboat.contracts.Ids;
import io.lifeboat.gateway.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Users and their roles in projects. Root and the platform account create users; project admins add members. */
@Service
class Users {

    record User(String id, String name, String platformRole, Instant createdAt) {
    }

    record Member(String user, String role) {
    }

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Audit audit;
    private final LiveProjects projects;
    private final Clock clock;

    Users(JdbcClient jdbc, ProjectAccess access, Audit audit, LiveProjects projects, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    User create(String name, String platformRole) {
        Caller caller = Callers.current();
        if (!caller.root() && !(caller.platform() && platformRole == null)) {
            throw Problems.forbidden("only the platform creates users");
        }
        if (jdbc.sql("SELECT count(*) FROM users WHERE name = ?").param(name).query(Integer.class).single() > 0) {
            throw Problems.conflict("user-exists", "user " + name + " already exists");
        }
        User user = new User(Ids.timeOrdered(clock), name, platformRole, clock.instant());
        jdbc.sql("INSERT INTO users (id, name, platform_role, created_at) VALUES (?, ?, ?, ?)")
                .params(user.id(), name, platformRole, Timestamp.from(user.createdAt())).update();
        audit.record("user.created", "user/" + user.id(), name + (platformRole == null ? "" : " as " + platformRole));
        return user;
    }

    User require(String id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query((rs, n) -> new User(rs.getString("id"),
                rs.getString("name"), rs.getString("platform_role"), rs.getTimestamp("created_at").toInstant()))
                .optional().orElseThrow(() -> Problems.notFound("user " + id));
    }

    @Transactional
    Member setRole(String project, String userId, String role) {
        access.require(project, ProjectAccess.Need.ADMIN);
        requireProject(project);
        require(userId);
        jdbc.sql("""
                INSERT INTO memberships (user_id, project_id, role) VALUES (?, ?, ?)
                ON CONFLICT (user_id, project_id) DO UPDATE SET role = excluded.role""")
                .params(userId, project, role).update();
        audit.record("member.role-set", "project/" + project, userId + " is " + role);
        return new Member(userId, role);
    }

    List<Member> members(String project) {
        access.require(project, ProjectAccess.Need.VIEW);
        requireProject(project);
        return jdbc.sql("SELECT user_id, role FROM memberships WHERE project_id = ? ORDER BY user_id").param(project)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2))).list();
    }

    /** 404 for a project that does not exist or was deleted, for callers (root, support) who see every project. */
    void requireProject(String project) {
        if (!projects.exists(project)) {
            throw Problems.notFound("project " + project);
        }
    }
}
