package io.lifeboat.gateway.environment;

import io.lifeboat.contracts.HookUrls;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.gateway.web.Problems;

import java.net.URI;

/**
 * An environment's hooks as the gateway keeps and publishes them: a URL with credentials sealed at once
 * ({@link HookUrls}). A hook given back in its redacted form (as the API shows it) keeps the sealed URL it had.
 */
final class EnvironmentHooks {

    private EnvironmentHooks() {
    }

    static Hooks of(EnvironmentRequest.HooksRequest request, Hooks old, SecretSealer sealer, String project) {
        if (request == null) {
            return null;
        }
        return new Hooks(url(request.hold(), old == null ? null : old.hold(), "hooks.hold", sealer, project),
                url(request.release(), old == null ? null : old.release(), "hooks.release", sealer, project));
    }

    private static String url(String given, String old, String field, SecretSealer sealer, String project) {
        if (old != null && HookUrls.redact(old).equals(given) && !given.equals(old)) {
            return old;
        }
        URI uri;
        try {
            uri = URI.create(given);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "is not a valid URL");
        }
        if (uri.getHost() == null || uri.getRawFragment() != null || given.contains("***")) {
            throw Problems.invalid(field, "must be an http(s) URL with a host and no fragment");
        }
        return HookUrls.seal(given, sealer, project);
    }
}
