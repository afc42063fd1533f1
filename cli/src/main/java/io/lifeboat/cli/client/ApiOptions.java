package io.lifeboat.cli.client;

import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;

/** {@code --api} and {@code --token}, mixed into every command; else LIFEBOAT_API and LIFEBOAT_TOKEN. */
public final class ApiOptions {

    @Option(names = "--api", paramLabel = "URL", description = "The Lifeboat API (default: $LIFEBOAT_API).")
    String api;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "An API token (default: $LIFEBOAT_TOKEN; prefer the variable: options show in ps).")
    String token;

    /** A client for the configured API; a usage error if the URL or the token is missing. */
    public ApiClient client() {
        String url = firstSet(api, System.getenv("LIFEBOAT_API"));
        if (url == null) {
            throw CliException.usage("no API: pass --api URL or set LIFEBOAT_API");
        }
        String secret = firstSet(token, System.getenv("LIFEBOAT_TOKEN"));
        if (secret == null) {
            throw CliException.usage("no API token: set LIFEBOAT_TOKEN or pass --token");
        }
        return new ApiClient(parse(url), secret.trim());
    }

    static URI parse(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw CliException.usage("the API URL must look like https://host[:port], not '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.usage("the API URL must look like https://host[:port], not '" + url + "'");
        }
    }

    /** The first of these values that is set and not blank, or null. */
    public static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
