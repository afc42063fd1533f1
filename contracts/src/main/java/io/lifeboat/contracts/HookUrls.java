package io.lifeboat.contracts;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Hook URLs that carry credentials ({@code user:password@} or query values such as {@code ?token=...}).
 * Such a URL never crosses a topic, sits in a table, reaches a log or an error in the clear: it travels as
 * its redacted form with the full URL sealed in the fragment ({@code #lifeboat-sealed=...}, which HTTP
 * clients never send). Only a holder of the secrets key opens it, just before calling the hook.
 */
public final class HookUrls {

    static final String SEALED = "lifeboat-sealed=";
    private static final String MASK = "***";

    /** Whether the URL carries a user, a password or a query. */
    public static boolean hasCredentials(String url) {
        URI uri = URI.create(url);
        return uri.getRawUserInfo() != null || uri.getRawQuery() != null;
    }

    /** The URL without secrets: user info and every query value (or bare query part) masked, no fragment. */
    public static String redact(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "<unparseable URL>";
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(MASK).append('@');
        }
        out.append(uri.getHost() == null ? "" : uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append('?').append(Arrays.stream(uri.getRawQuery().split("&", -1))
                    .map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) + "=" + MASK : MASK)
                    .collect(Collectors.joining("&")));
        }
        return out.toString();
    }

    /** The URL as it may be stored and published: itself if it has no credentials, else redacted and sealed. */
    public static String seal(String url, SecretSealer sealer, String project) {
        return hasCredentials(url) ? redact(url) + "#" + SEALED + sealer.seal(url, context(project)) : url;
    }

    /** The URL to call: a sealed one opened (for the same project only), any other as it is. */
    public static String open(String url, SecretSealer sealer, String project) {
        String fragment = URI.create(url).getRawFragment();
        return fragment != null && fragment.startsWith(SEALED)
                ? sealer.open(fragment.substring(SEALED.length()), context(project)) : url;
    }

    public static Hooks seal(Hooks hooks, SecretSealer sealer, String project) {
        return hooks == null ? null
                : new Hooks(seal(hooks.hold(), sealer, project), seal(hooks.release(), sealer, project));
    }

    public static Hooks open(Hooks hooks, SecretSealer sealer, String project) {
        return hooks == null ? null
                : new Hooks(open(hooks.hold(), sealer, project), open(hooks.release(), sealer, project));
    }

    public static Hooks redact(Hooks hooks) {
        return hooks == null ? null : new Hooks(redact(hooks.hold()), redact(hooks.release()));
    }

    private static String context(String project) {
        return "lifeboat-hook|" + project;
    }

    private HookUrls() {
    }
}
