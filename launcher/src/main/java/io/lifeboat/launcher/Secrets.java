package io.lifeboat.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/** The embedded run's keys and admin token: generated on first run, kept in a file only its owner reads. */
record Secrets(String adminToken, String secretsKey, String masterKey) {

    static Secrets loadOrCreate(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        } else {
            SecureRandom random = new SecureRandom();
            properties.setProperty("admin-token", "lb_" + HexFormat.of().formatHex(bytes(random, 24)));
            properties.setProperty("secrets-key", Base64.getEncoder().encodeToString(bytes(random, 32)));
            properties.setProperty("master-key", "embedded-1:" + Base64.getEncoder().encodeToString(bytes(random, 32)));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Lifeboat embedded run: keep this file; without it the backups cannot be read");
            }
        }
        return new Secrets(properties.getProperty("admin-token"), properties.getProperty("secrets-key"),
                properties.getProperty("master-key"));
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "Secrets[<hidden>]";
    }
}
