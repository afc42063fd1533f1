package io.lifeboat.gateway.identity;

import io.lifeboat.gateway.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class IdentityController {

    record UserRequest(@NotBlank @Size(max = 100) String name,
                       @Pattern(regexp = "support|platform", message = "must be support or platform") String platformRole) {
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name,
                        @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "must be a project id") String project) {
    }

    record RoleRequest(@NotNull @Pattern(regexp = "admin|contributor|viewer",
            message = "must be admin, contributor or viewer") String role) {
    }

    private final Users users;
    private final Tokens tokens;
    private final ProjectAccess access;
    private final Audit audit;

    IdentityController(Users users, Tokens tokens, ProjectAccess access, Audit audit) {
        this.users = users;
        this.tokens = tokens;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Users.User createUser(@Valid @RequestBody UserRequest request) {
        return users.create(request.name(), request.platformRole());
    }

    /** Root and the platform issue a user's first token; users then manage their own. */
    @PostMapping("/users/{user}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Tokens.NewToken createTokenFor(@PathVariable String user, @Valid @RequestBody TokenRequest request) {
        Caller caller = Callers.current();
        if (!caller.root() && !caller.platform()) {
            throw Problems.notFound("user " + user);
        }
        users.require(user);
        return tokens.create(user, request.name(), request.project());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Tokens.NewToken createToken(@Valid @RequestBody TokenRequest request) {
        Caller caller = Callers.current();
        if (caller.tokenId() == null) {
            throw Problems.invalid("token", "the configured admin token is not a user; create a user and use "
                    + "POST /users/{user}/tokens");
        }
        if (request.project() != null) {
            access.require(request.project(), ProjectAccess.Need.VIEW);
        }
        String project = request.project() != null ? request.project() : caller.scopedProject();
        return tokens.create(caller.userId(), request.name(), project);
    }

    @GetMapping("/tokens")
    List<Tokens.TokenView> listTokens() {
        return tokens.list(Callers.current().userId(), Callers.current().scopedProject());
    }

    @DeleteMapping("/tokens/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String token) {
        Caller caller = Callers.current();
        tokens.revoke(caller.userId(), caller.scopedProject(), token, caller.root());
    }

    @PutMapping("/projects/{project}/members/{user}")
    Users.Member setRole(@PathVariable String project, @PathVariable String user,
                         @Valid @RequestBody RoleRequest request) {
        return users.setRole(project, user, request.role());
    }

    @GetMapping("/projects/{project}/members")
    List<Users.Member> members(@PathVariable String project) {
        return users.members(project);
    }

    @GetMapping("/projects/{project}/audit")
    List<Audit.Entry> audit(@PathVariable String project) {
        access.require(project, ProjectAccess.Need.VIEW);
        users.requireProject(project);
        return audit.list("project/" + project, 200);
    }
}
