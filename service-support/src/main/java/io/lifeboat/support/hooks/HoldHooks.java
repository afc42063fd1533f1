package io.lifeboat.support.hooks;

import io.lifeboat.contracts.Hooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls an environment's hold and release endpoints. {@code POST hold} carries the deadline after which the
 * environment must release itself ({@code {"operation_id": ..., "timeout_ms": ...}}); {@code POST release}
 * is idempotent. A hold endpoint answers once new requests are held and running ones have finished.
 */
public class HoldHooks {

    private static final Logger log = LoggerFactory.getLogger(HoldHooks.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public void hold(Hooks hooks, String operationId, Duration deadline) {
        post(hooks.hold(), operationId, deadline, true);
    }

    /** Releases; a failure is logged, since the environment releases itself at its deadline anyway. */
    public void release(Hooks hooks, String operationId) {
        try {
            post(hooks.release(), operationId, Duration.ZERO, false);
        } catch (HookException e) {
            log.warn("release hook for {} failed ({}); the environment releases itself at the hold deadline",
                    operationId, e.getMessage());
        }
    }

    private void post(String url, String operationId, Duration deadline, boolean hold) {
        String body = "{\"operation_id\":\"" + operationId + "\",\"timeout_ms\":" + deadline.toMillis() + "}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(hold ? deadline : Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new HookException((hold ? "hold" : "release") + " hook " + url + " answered "
                        + response.statusCode());
            }
        } catch (IOException e) {
            throw new HookException((hold ? "hold" : "release") + " hook " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HookException("interrupted while calling " + url);
        }
    }

    /** A hook could not be called. */
    public static final class HookException extends RuntimeException {
        HookException(String message) {
            super(message);
        }
    }
}
