package io.lifeboat.cli.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Turns what the API answered (a problem+json, or nothing at all) into one line and an exit code. */
final class ApiFailures {

    static CliException of(int status, String body, URI base) {
        String detail = detail(body);
        if (status == 401) {
            return new CliException(ExitCode.DENIED, "not authenticated: the API did not accept the token"
                    + " (check LIFEBOAT_TOKEN or --token)");
        }
        if (status == 403) {
            return new CliException(ExitCode.DENIED, "not allowed: "
                    + (detail == null ? "the token does not allow this" : detail));
        }
        if (status >= 400 && status < 500) {
            return new CliException(ExitCode.REFUSED, detail == null ? "the API refused the request (HTTP "
                    + status + ")" : detail);
        }
        return new CliException(ExitCode.UNREACHABLE, "the API at " + base + " failed (HTTP " + status + ")"
                + (detail == null ? "" : ": " + detail));
    }

    static CliException unreachable(URI base, IOException e) {
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "the connection timed out";
        } else if (e instanceof HttpTimeoutException) {
            why = "it did not answer in time";
        } else if (causedBy(e, UnresolvedAddressException.class)) {
            why = "unknown host " + base.getHost();
        } else if (e instanceof ConnectException) {
            why = "connection refused";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CliException(ExitCode.UNREACHABLE, "cannot reach the API at " + base + ": " + why);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The problem's detail (else its title), or null if the body is not a problem. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode problem = ApiClient.JSON.readTree(body);
            String detail = problem.path("detail").asString(null);
            String text = detail != null && !detail.isBlank() ? detail : problem.path("title").asString(null);
            return text == null ? null : text.replaceAll("\\s+", " ").trim();
        } catch (JacksonException e) {
            return null;
        }
    }

    private ApiFailures() {
    }
}
