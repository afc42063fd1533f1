package io.lifeboat.gateway.web;

import io.lifeboat.contracts.EnvironmentRef;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Values from URL paths and query strings; a malformed name is simply not found. */
public final class Refs {

    public static EnvironmentRef environment(String project, String environment) {
        if (!EnvironmentRef.isValidName(project) || !EnvironmentRef.isValidName(environment)) {
            throw Problems.notFound("environment " + project + "/" + environment);
        }
        return new EnvironmentRef(project, environment);
    }

    /** A list's page size, 1 to 500. */
    public static int limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.invalid("limit", "limit must be between 1 and 500");
        }
        return limit;
    }

    /** A list's {@code start}: only items created before it are listed; no start lists from the newest. */
    public static Instant start(String start) {
        try {
            return start == null ? Instant.parse("9999-12-31T00:00:00Z") : Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw Problems.invalid("start", "start must be an ISO-8601 instant, for example 2026-11-25T04:00:00Z");
        }
    }

    private Refs() {
    }
}
