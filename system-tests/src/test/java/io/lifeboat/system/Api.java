package io.lifeboat.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A small client for the gateway's REST API, as a user's script would call it. */
final class Api {

    record Response(int status, JsonNode body, String contentType, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final String userId;

    Api(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    Api(String baseUrl, String token, String userId) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.userId = userId;
    }

    /** The user whose token this client sends, or null for the configured admin token. */
    String userId() {
        return userId;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Polls a backup or restore until it is COMPLETED or FAILED (5 minutes at most), and returns it. */
    JsonNode awaitEnd(String path) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("COMPLETED", "FAILED").contains(get(path).body().path("status").asString()));
        return get(path).body();
    }

    Response send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    Response send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                            : JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json,
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
