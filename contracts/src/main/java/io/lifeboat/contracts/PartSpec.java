package io.lifeboat.contracts;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * One part of an environment: a service (postgresql, mariadb, redis), a mount, or the code.
 *
 * @param name     the part's name in the environment, for example {@code database} or {@code uploads}
 * @param type     the part type; a worker for that type handles it
 * @param settings non-secret connection settings (host, port, database, user, path, commit ...)
 * @param sealedSecret the service password sealed with the shared secrets key, or null.
 *                     It is ciphertext: plaintext credentials never go on a topic.
 */
public record PartSpec(String name, String type, Map<String, String> settings, @Nullable String sealedSecret) {

    public PartSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public String setting(String key) {
        return settings.get(key);
    }

    public String requireSetting(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("part " + name + " (" + type + ") has no '" + key + "' setting");
        }
        return value;
    }

    @Override
    public String toString() {
        return "PartSpec[" + name + ":" + type + " " + settings + (sealedSecret == null ? "" : " secret=<sealed>") + "]";
    }
}
