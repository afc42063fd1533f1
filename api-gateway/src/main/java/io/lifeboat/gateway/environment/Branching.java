package io.lifeboat.gateway.environment;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.gateway.web.Problems;

import java.util.HashMap;
import java.util.Map;

/**
 * How a branched environment's parts derive from its parent's: a database {@code app} becomes
 * {@code app_<branch>} on the same server, a path {@code /srv/uploads} becomes {@code /srv/uploads-<branch>}.
 * Redis has no database names to separate, so an environment with Redis must be registered before restoring.
 */
final class Branching {

    static PartSpec branch(PartSpec part, EnvironmentRef parent, EnvironmentRef branch, SecretSealer sealer) {
        Map<String, String> settings = new HashMap<>(part.settings());
        String suffix = branch.environment();
        switch (part.type()) {
            case "postgresql", "mariadb" -> settings.put("database",
                    part.requireSetting("database") + "_" + suffix.replace('-', '_'));
            case "mount" -> settings.put("path", part.requireSetting("path") + "-" + suffix);
            case "code" -> {
                if (part.setting("path") != null) {
                    settings.put("path", part.setting("path") + "-" + suffix);
                }
            }
            default -> throw Problems.conflict("branch-unsupported", "environment " + parent + " has a "
                    + part.type() + " service (" + part.name() + "), which cannot be branched automatically; "
                    + "register environment " + branch.environment() + " with its own " + part.type()
                    + " first, then restore into it");
        }
        String secret = part.sealedSecret() == null ? null : sealer.seal(
                sealer.open(part.sealedSecret(), SecretSealer.context(parent, part.name())),
                SecretSealer.context(branch, part.name()));
        return new PartSpec(part.name(), part.type(), settings, secret);
    }

    private Branching() {
    }
}
