package io.lifeboat.storage.repo;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names of stored things: ids that sort by time, and validation of project, backup and part names. */
final class Names {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    static String timeOrderedId(Clock clock) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return "%012x".formatted(clock.millis()) + HexFormat.of().formatHex(random);
    }

    static String requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + NAME.pattern());
        }
        return value;
    }

    static String requireId(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 32 lowercase hex characters");
        }
        return value;
    }

    private Names() {
    }
}
