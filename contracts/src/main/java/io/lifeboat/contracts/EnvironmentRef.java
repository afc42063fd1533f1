package io.lifeboat.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/** Names one environment of one project; its {@link #key()} is the Kafka key of its events. */
public record EnvironmentRef(String project, String environment) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public EnvironmentRef {
        requireName("project", project);
        requireName("environment", environment);
    }

    public String key() {
        return project + "/" + environment;
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static void requireName(String field, String value) {
        Objects.requireNonNull(value, field);
        if (!isValidName(value)) {
            throw new IllegalArgumentException(field + " must match " + NAME.pattern());
        }
    }

    @Override
    public String toString() {
        return key();
    }
}
