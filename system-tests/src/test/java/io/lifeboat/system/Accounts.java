package io.lifeboat.system;

import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates users, roles and tokens through the API, as the platform would. */
final class Accounts {

    private final Api root;
    private final String baseUrl;

    Accounts(Api root, String baseUrl) {
        this.root = root;
        this.baseUrl = baseUrl;
    }

    /** A new user with the given platform role (or none), and a client with a token of theirs. */
    Api user(String name, String platformRole, String scopedProject) {
        Map<String, Object> body = platformRole == null ? Map.of("name", name)
                : Map.of("name", name, "platform_role", platformRole);
        Api.Response user = root.post("/users", body);
        assertThat(user.status()).as(user.body().toString()).isEqualTo(201);
        return token(user.body().path("id").asString(), scopedProject);
    }

    /** A client with a new token of an existing user, scoped to a project or not. */
    Api token(String userId, String scopedProject) {
        Map<String, Object> body = scopedProject == null ? Map.of("name", "test")
                : Map.of("name", "test", "project", scopedProject);
        Api.Response token = root.post("/users/" + userId + "/tokens", body);
        assertThat(token.status()).as(token.body().toString()).isEqualTo(201);
        return new Api(baseUrl, token.body().path("token").asString(), userId);
    }

    void grant(String project, Api user, String role) {
        Api.Response granted = root.send("PUT", "/projects/" + project + "/members/" + user.userId(),
                Map.of("role", role));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
    }

    static JsonNode body(Api.Response response) {
        return response.body();
    }
}
