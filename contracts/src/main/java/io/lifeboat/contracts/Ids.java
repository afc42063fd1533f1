package io.lifeboat.contracts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/** Identifiers. Backup and restore ids sort by creation time, like UUIDv7. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A 32-hex-character id whose first 12 characters are the creation time in milliseconds. */
    public static String timeOrdered(Clock clock) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        long millis = clock.millis();
        for (int i = 5; i >= 0; i--) {
            bytes[i] = (byte) (millis & 0xff);
            millis >>>= 8;
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return HexFormat.of().formatHex(bytes);
    }

    public static UUID eventId() {
        return UUID.randomUUID();
    }

    public static boolean isId(String value) {
        return value != null && value.matches("[0-9a-f]{32}");
    }

    private Ids() {
    }
}
