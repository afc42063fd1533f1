package io.lifeboat.contracts;

import java.net.URI;
import java.util.Objects;

/**
 * An environment's hold and release endpoints, for example a router's: while held, the environment queues
 * new requests (it does not fail them) and lets running ones finish. Lifeboat calls {@code hold} with a
 * deadline, after which the environment releases itself, so it is never left paused. A URL with credentials
 * is carried sealed ({@link HookUrls}); {@link #toString()} shows both redacted.
 */
public record Hooks(String hold, String release) {

    public Hooks {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(release, "release");
        for (String url : new String[] {hold, release}) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a hook URL is not a valid URI");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("hook " + HookUrls.redact(url) + " must be an http(s) URL");
            }
        }
    }

    @Override
    public String toString() {
        return "Hooks[hold=" + HookUrls.redact(hold) + ", release=" + HookUrls.redact(release) + "]";
    }
}
