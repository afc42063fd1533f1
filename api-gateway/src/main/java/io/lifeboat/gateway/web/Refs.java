package io.lifeboat.gateway.web;

import io.lifeboat.contracts.EnvironmentRef;

/** Environment references from URL paths; a malformed name is simply not found. */
public final class Refs {

    public static EnvironmentRef environment(String project, String environment) {
        if (!EnvironmentRef.isValidName(project) || !EnvironmentRef.isValidName(environment)) {
            throw Problems.notFound("environment " + project + "/" + environment);
        }
        return new EnvironmentRef(project, environment);
    }

    private Refs() {
    }
}
