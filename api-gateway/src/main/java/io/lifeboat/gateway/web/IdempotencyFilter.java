package io.lifeboat.gateway.web;

import io.lifeboat.gateway.identity.Caller;
import io.lifeboat.gateway.identity.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a POST: the first request runs and its response is kept; a retry with the same key
 * and the same request gets that response again (with {@code Idempotent-Replayed: true}) and changes nothing.
 * The same key with a different request is refused with 422; a retry while the first still runs gets 409.
 * Server errors and transient refusals (409, 423, 429) are not kept, so such a request may be retried. A
 * response is kept after the change committed: if the gateway dies in between, a retry after 10 minutes runs
 * again. Token creation refuses the header, since a new token is shown only once.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern TOKENS = Pattern.compile("/tokens/?|/users/[^/]+/tokens/?");
    /** Answers that depend on a state that may change soon are not kept: the retry runs again. */
    private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(409, 423, 429);
    private static final int MAX_BODY = 1024 * 1024;

    private final IdempotencyStore store;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (TOKENS.matcher(request.getRequestURI()).matches()) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-request", HEADER + " is not accepted when creating "
                    + "a token: a token is shown only once, so its response is never kept", HEADER);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-request", HEADER
                    + " must be 1 to 255 visible ASCII characters", HEADER);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the request body is over 1 MiB", null);
            return;
        }
        Caller caller = Callers.current();
        String scope = caller.tokenId() == null ? caller.name() : caller.tokenId();
        String fingerprint = fingerprint(request, body);
        if (!store.claim(scope, key, fingerprint)) {
            replay(store.find(scope, key), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayedBodyRequest(request, body), wrapper);
            if (wrapper.getStatus() < 500 && !TRANSIENT.contains(wrapper.getStatus())) {
                store.complete(scope, key, wrapper.getStatus(), wrapper.getContentType(),
                        wrapper.getHeader("Location"), wrapper.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(scope, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private static void replay(Optional<IdempotencyStore.Entry> entry, String fingerprint,
                               HttpServletResponse response) throws IOException {
        if (entry.isEmpty() || entry.get().status() == null) {
            Problems.write(response, HttpStatus.CONFLICT, "request-in-progress", "a request with this " + HEADER
                    + " is still running; retry in a moment", HEADER);
        } else if (!entry.get().fingerprint().equals(fingerprint)) {
            Problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "this " + HEADER
                    + " was used for a different request; use a new key for a new request", HEADER);
        } else {
            IdempotencyStore.Entry e = entry.get();
            response.setStatus(e.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (e.contentType() != null) {
                response.setContentType(e.contentType());
            }
            if (e.location() != null) {
                response.setHeader("Location", e.location());
            }
            if (e.body() != null) {
                response.getOutputStream().write(e.body());
            }
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
