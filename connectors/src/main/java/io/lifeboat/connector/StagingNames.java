package io.lifeboat.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the databases a restore puts beside a live one: {@code <prefix>_<kind>_<hash>_<operation>}. The hash
 * of the whole live name keeps two long names that share a prefix apart after truncation, and the name fits the
 * server's limit in bytes of UTF-8, cut between characters.
 */
public final class StagingNames {

    private StagingNames() {
    }

    public static String beside(String database, String kind, String operationId, int maxBytes) {
        String suffix = "_" + kind + "_" + hash(database) + "_"
                + operationId.substring(Math.max(0, operationId.length() - 10));
        int budget = maxBytes - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        for (int cp : database.codePoints().toArray()) {
            String c = Character.toString(cp);
            int bytes = c.getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            prefix.append(c);
            used += bytes;
        }
        return prefix + suffix;
    }

    private static String hash(String database) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
