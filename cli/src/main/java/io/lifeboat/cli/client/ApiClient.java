package io.lifeboat.cli.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The Lifeboat REST API, as JSON trees. Every failure becomes a {@link CliException} with the exit code
 * that {@link ApiFailures} picks; the token goes only into the Authorization header.
 */
public final class ApiClient {

    /** Reads and writes the API's JSON. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** A {@code text/event-stream} as lines, until the server or {@link Stream#close()} ends it. */
    public Stream<String> eventStream(String path) {
        HttpRequest request = request(path, null).header("Accept", "text/event-stream").GET()
                .timeout(REQUEST_TIMEOUT).build();
        HttpResponse<Stream<String>> response = call(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw ApiFailures.of(response.statusCode(), null, base);
        }
        return response.body();
    }

    /** One path segment, escaped: names and ids typed by the user never change the path. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = request(path, body).method(method, publisher).timeout(REQUEST_TIMEOUT).build();
        HttpResponse<InputStream> response = call(request, HttpResponse.BodyHandlers.ofInputStream());
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiFailures.unreachable(base, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(text, status);
        }
        throw ApiFailures.of(status, text, base);
    }

    private HttpRequest.Builder request(String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "lifeboat-cli");
        return body == null ? builder : builder.header("Content-Type", "application/json");
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw ApiFailures.unreachable(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.UNREACHABLE, "interrupted while calling the API at " + base);
        }
    }

    private JsonNode parse(String text, int status) {
        if (text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new CliException(ExitCode.UNREACHABLE, "the API at " + base + " answered HTTP " + status
                    + " with a body that is not JSON");
        }
    }
}
