package io.lifeboat.connector.golden;

import io.lifeboat.contracts.PartSpec;

import java.util.List;
import java.util.Map;

/**
 * One part of the golden backup: content that is made the same way every time (no clock, no randomness), so
 * that its fingerprint can be recomputed, and fresh targets to restore it into. The content is the golden
 * parts' own, not the shared fixtures': a committed backup of it never changes, so neither may it.
 */
abstract class GoldenPart {

    private final String name;
    private final String type;

    GoldenPart(String name, String type) {
        this.name = name;
        this.type = type;
    }

    /** Every part, by its name in the golden backup. */
    static List<GoldenPart> all() {
        return List.of(new PostgresPart(), new MariaDbPart(), new RedisPart(), TreePart.mount(), TreePart.code());
    }

    static GoldenPart named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden part named " + name));
    }

    /** The part's name in the backup. */
    final String name() {
        return name;
    }

    /** The connector's type. */
    final String type() {
        return type;
    }

    /** Creates the part with its fixed content; {@code scratch} drops it. */
    abstract PartSpec source(Scratch scratch) throws Exception;

    /** A fresh target that does not exist yet, named uniquely; {@code scratch} drops it. */
    abstract PartSpec target(Scratch scratch) throws Exception;

    /** The part's content, as test-support's fingerprint of its service computes it. */
    abstract Map<String, String> fingerprint(PartSpec part) throws Exception;

    /** A database part's settings. */
    final PartSpec database(String host, int port, String database, String user) {
        return new PartSpec(name, type, Map.of("host", host, "port", Integer.toString(port), "database", database,
                "user", user), null);
    }
}
