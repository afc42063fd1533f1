package io.lifeboat.gateway.environment;

import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.gateway.web.Problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a registration into the parts the workers receive: services (their passwords sealed at once), mounts
 * and the code, each checked by its connector; mount and code paths must lie below one of the project's file
 * roots ({@link FileRoots}). Errors name the field at fault.
 */
final class EnvironmentParts {

    private final Connectors connectors = new Connectors();
    private final SecretSealer sealer;
    private final FileRoots roots;

    EnvironmentParts(SecretSealer sealer, FileRoots roots) {
        this.sealer = sealer;
        this.roots = roots;
    }

    List<PartSpec> of(EnvironmentRef ref, EnvironmentRequest request) {
        List<PartSpec> parts = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of("code"));
        List<EnvironmentRequest.Service> services = request.services() == null ? List.of() : request.services();
        for (int i = 0; i < services.size(); i++) {
            EnvironmentRequest.Service service = services.get(i);
            requireUnique(names, service.name(), "services[" + i + "].name");
            if (!connectors.types().contains(service.type()) || Set.of("mount", "code").contains(service.type())) {
                throw Problems.invalid("services[" + i + "].type", "service type '" + service.type()
                        + "' is not supported; supported: " + serviceTypes());
            }
            Map<String, String> settings = new HashMap<>(service.connection());
            String password = settings.remove("password");
            PartSpec part = new PartSpec(service.name(), service.type(), settings,
                    password == null ? null : sealer.seal(password, SecretSealer.context(ref, service.name())));
            try {
                validate(part);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("services[" + i + "].connection", e.getMessage());
            }
            parts.add(part);
        }
        List<EnvironmentRequest.Mount> mounts = request.mounts() == null ? List.of() : request.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            requireUnique(names, mounts.get(i).name(), "mounts[" + i + "].name");
            requireInRoots(ref, mounts.get(i).path(), "mounts[" + i + "].path");
            parts.add(new PartSpec(mounts.get(i).name(), "mount", Map.of("path", mounts.get(i).path()), null));
        }
        Map<String, String> code = new HashMap<>(Map.of("commit", request.code().commit()));
        if (request.code().path() != null) {
            requireInRoots(ref, request.code().path(), "code.path");
            code.put("path", request.code().path());
        }
        parts.add(new PartSpec("code", "code", code, null));
        return parts;
    }

    /**
     * Checks a part against its connector.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    void validate(PartSpec part) {
        if (!connectors.types().contains(part.type())) {
            throw new IllegalArgumentException("part " + part.name() + " has unsupported type " + part.type());
        }
        connectors.get(part.type()).validate(part);
    }

    /**
     * Checks that a mount's or the code's path lies below one of the project's file roots.
     *
     * @throws IllegalArgumentException naming the part and why its path is refused
     */
    void requireInRoots(EnvironmentRef ref, PartSpec part) {
        String path = part.setting("path");
        if (Set.of("mount", "code").contains(part.type()) && path != null) {
            roots.refusal(ref.project(), path).ifPresent(reason -> {
                throw new IllegalArgumentException("part " + part.name() + ": " + reason);
            });
        }
    }

    /** A service given again without a password keeps the one it had. */
    static List<PartSpec> keepSecrets(List<PartSpec> parts, List<PartSpec> old) {
        return parts.stream().map(p -> p.sealedSecret() != null ? p : old.stream()
                .filter(o -> o.name().equals(p.name()) && o.type().equals(p.type()) && o.sealedSecret() != null)
                .findFirst().map(o -> new PartSpec(p.name(), p.type(), p.settings(), o.sealedSecret())).orElse(p))
                .toList();
    }

    private static void requireUnique(Set<String> names, String name, String field) {
        if (!names.add(name)) {
            throw Problems.invalid(field, "part name '" + name + "' is used twice (or is the reserved name 'code')");
        }
    }

    private void requireInRoots(EnvironmentRef ref, String path, String field) {
        roots.refusal(ref.project(), path).ifPresent(reason -> {
            throw Problems.invalid(field, reason);
        });
    }

    private List<String> serviceTypes() {
        return connectors.types().stream().filter(t -> !Set.of("mount", "code").contains(t)).toList();
    }
}
