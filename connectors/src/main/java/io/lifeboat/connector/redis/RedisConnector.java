package io.lifeboat.connector.redis;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.SnapshotReader;

import java.io.IOException;

/**
 * Redis: a point-in-time RDB, taken over the replication protocol (the server forks and streams it, as it
 * does for a replica), and restored exactly (every key, type, value and expiry, in every database) by making
 * the target a replica of Lifeboat for the time it loads that RDB. The target's own dataset is copied into a spool
 * file first and kept until the restore commits ({@link Spool}), so that the restore can be switched back.
 *
 * <p>Settings: {@code host}, {@code port} (6379), {@code user} (optional, for ACLs). The restore needs the
 * target to reach the restore worker on a TCP port; {@code advertise_host} overrides the address given to it.
 */
public final class RedisConnector implements Connector {

    @Override
    public String type() {
        return "redis";
    }

    @Override
    public void validate(PartSpec spec) {
        spec.requireSetting("host");
        String port = spec.settings().getOrDefault("port", "6379");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("part " + spec.name() + ": 'port' must be a number");
        }
    }

    @Override
    public SnapshotSession openSnapshot(PartContext part) {
        validate(part.spec());
        return new RedisSnapshot(new Target(part));
    }

    @Override
    public StagedRestore stage(PartContext target, SnapshotReader stored) {
        validate(target.spec());
        return RedisRestore.stage(new Target(target), stored);
    }

    @Override
    public StagedRestore resume(PartContext target) {
        validate(target.spec());
        return RedisRestore.resume(new Target(target));
    }

    /** Connection details of one part. */
    record Target(PartContext part) {

        String host() {
            return part.spec().requireSetting("host");
        }

        int port() {
            return Integer.parseInt(part.spec().settings().getOrDefault("port", "6379"));
        }

        String name() {
            return "part " + part.spec().name() + " (redis " + host() + ":" + port() + ")";
        }

        /** An authenticated connection. */
        Resp connect() {
            try {
                Resp resp = Resp.connect(host(), port(), 30_000);
                if (part.password() != null) {
                    String user = part.spec().setting("user");
                    if (user == null) {
                        resp.call("AUTH", part.password());
                    } else {
                        resp.call("AUTH", user, part.password());
                    }
                }
                return resp;
            } catch (IOException e) {
                throw new ConnectorException(name() + ": cannot connect: " + e.getMessage(),
                        e instanceof Resp.RedisError, e);
            }
        }
    }
}
