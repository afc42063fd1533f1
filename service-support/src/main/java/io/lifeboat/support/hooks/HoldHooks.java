package io.lifeboat.support.hooks;

import io.lifeboat.contracts.HookUrls;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls an environment's hold and release endpoints. {@code POST hold} carries the deadline after which the
 * environment must release itself ({@code {"operation_id": ..., "timeout_ms": ...}}); {@code POST release}
 * is idempotent. A hold endpoint answers once new requests are held and running ones have finished.
 * Errors and logs name a hook by its redacted URL only.
 */
public class HoldHooks {

    private static final Logger log = LoggerFactory.getLogger(HoldHooks.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecretSealer sealer;

    /** With the secrets key that opens sealed hook URLs ({@link HookUrls}); null where none is configured. */
    public HoldHooks(SecretSealer sealer) {
        this.sealer = sealer;
    }

    public void hold(Hooks hooks, String project, String operationId, Duration deadline) {
        post(hooks.hold(), project, operationId, deadline, true);
    }

    /** Releases; a failure is logged, since the environment releases itself at its deadline anyway. */
    public void release(Hooks hooks, String project, String operationId) {
        try {
            post(hooks.release(), project, operationId, Duration.ZERO, false);
        } catch (HookException e) {
            log.warn("release hook for {} failed ({}); the environment releases itself at the hold deadline",
                    operationId, e.getMessage());
        }
    }

    private void post(String sealed, String project, String operationId, Duration deadline, boolean hold) {
        String shown = HookUrls.redact(sealed);
        String url;
        try {
            url = sealer == null ? sealed : HookUrls.open(sealed, sealer, project);
        } catch (IllegalArgumentException e) {
            throw new HookException((hold ? "hold" : "release") + " hook " + shown + " cannot be opened: "
                    + e.getMessage());
        }
        String body = "{\"operation_id\":\"" + operationId + "\",\"timeout_ms\":" + deadline.toMillis() + "}";
        try {
            HttpResponse<String> response = http.send(request(url, hold ? deadline : Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new HookException((hold ? "hold" : "release") + " hook " + shown + " answered "
                        + response.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            // the cause's own message may hold the URL: only its kind is told
            throw new HookException((hold ? "hold" : "release") + " hook " + shown + " failed: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HookException("interrupted while calling " + shown);
        }
    }

    /** User info in the URL ({@code user:password@}) becomes HTTP Basic authentication. */
    private static HttpRequest.Builder request(String url, Duration timeout) {
        URI uri = URI.create(url);
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(timeout);
        if (uri.getRawUserInfo() == null) {
            return builder.uri(uri);
        }
        String target = url.replaceFirst("//[^/?#]*@", "//");
        return builder.uri(URI.create(target)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8)));
    }

    /** A hook could not be called. */
    public static final class HookException extends RuntimeException {
        HookException(String message) {
            super(message);
        }
    }
}
