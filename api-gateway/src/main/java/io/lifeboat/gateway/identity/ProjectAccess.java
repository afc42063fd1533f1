package io.lifeboat.gateway.identity;

import io.lifeboat.gateway.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may do what in a project. Viewers and contributors read; admins also change (backups, restores,
 * environments, the schedule); support reads every project and may downgrade a schedule; the platform's
 * service account manages everything everywhere; root may do everything. A caller who may not
 * see a project gets 404, exactly as if it did not exist; one who may see it but not change it gets 403.
 */
@Component
public class ProjectAccess {

    /** What a request needs. */
    public enum Need { VIEW, ADMIN, SUPPORT }

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Only root and the platform create projects; the platform is where projects come from. */
    public void requireProjectCreator() {
        Caller caller = Callers.current();
        if (!caller.root() && !caller.platform()) {
            throw Problems.forbidden("projects are created by the platform; ask it (or an operator) to create one");
        }
    }

    /** Only the configured admin token and the platform, for example to recover a deleted project. */
    public void requireOperator(String refusal) {
        Caller caller = Callers.current();
        if (!caller.root() && !caller.platform()) {
            throw Problems.forbidden(refusal);
        }
    }

    public void require(String project, Need need) {
        require(project, need, null);
    }

    /** As {@link #require(String, Need)}, with the reason a member is refused. */
    public void require(String project, Need need, String refusal) {
        Caller caller = Callers.current();
        if (!caller.reaches(project)) {
            throw Problems.notFound("project " + project);
        }
        if (caller.root() || caller.platform()) {
            return;
        }
        if (caller.support()) {
            if (need == Need.ADMIN) {
                throw Problems.forbidden(refusal != null ? refusal
                        : "the support role reads projects and downgrades schedules; it does not change them");
            }
            return;
        }
        String role = role(caller.userId(), project).orElseThrow(() -> Problems.notFound("project " + project));
        boolean allowed = switch (need) {
            case VIEW -> true;
            case ADMIN -> role.equals("admin");
            case SUPPORT -> false;
        };
        if (!allowed) {
            throw Problems.forbidden(refusal != null ? refusal : need == Need.SUPPORT
                    ? "a downgrade of the backup schedule is done by support: contact support"
                    : "your role in project " + project + " is " + role + "; only admins may do this");
        }
    }

    /** Whether the caller may see the project at all. */
    public boolean sees(String project) {
        Caller caller = Callers.current();
        return caller.reaches(project) && (caller.root() || caller.platform() || caller.support()
                || role(caller.userId(), project).isPresent());
    }

    /**
     * Which projects the caller may see, as {@link #sees(String)} answers, decided with one query: for a view
     * over many projects.
     */
    public Predicate<String> visibility() {
        Caller caller = Callers.current();
        if (caller.root() || caller.platform() || caller.support()) {
            return caller::reaches;
        }
        Set<String> member = caller.userId() == null ? Set.of() : Set.copyOf(jdbc.sql(
                "SELECT project_id FROM memberships WHERE user_id = ?").param(caller.userId()).query(String.class).list());
        return project -> caller.reaches(project) && member.contains(project);
    }

    /**
     * Whether a caller authenticated earlier may still see the project, as the database knows it now: its
     * token is not revoked, and it still has a role there or a platform role. For streams that outlive the
     * request that opened them. The configured admin token cannot be revoked through the API.
     */
    public boolean stillSees(Caller caller, String project) {
        if (!caller.reaches(project)) {
            return false;
        }
        if (caller.root()) {
            return true;
        }
        return jdbc.sql("""
                SELECT coalesce(u.platform_role IN ('platform', 'support'), false)
                       OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.project_id = ?)
                FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ? AND t.revoked_at IS NULL""")
                .params(project, caller.tokenId()).query(Boolean.class).optional().orElse(false);
    }

    /** A deleted project: its members lose their roles and its project tokens are revoked. */
    public void forgetProject(String project) {
        jdbc.sql("DELETE FROM memberships WHERE project_id = ?").param(project).update();
        jdbc.sql("UPDATE tokens SET revoked_at = ? WHERE project_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), project).update();
    }

    Optional<String> role(String userId, String project) {
        return jdbc.sql("SELECT role FROM memberships WHERE user_id = ? AND project_id = ?").params(userId, project)
                .query(String.class).optional();
    }

    /** Makes the caller an admin of a project it just created, if the caller is a user. */
    public void grantCreator(String project) {
        Caller caller = Callers.current();
        if (caller.root() || caller.tokenId() == null) {
            return;
        }
        jdbc.sql("INSERT INTO memberships (user_id, project_id, role) VALUES (?, ?, 'admin') ON CONFLICT DO NOTHING")
                .params(caller.userId(), project).update();
    }
}
