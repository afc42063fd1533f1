package io.lifeboat.gateway.environment;

import io.lifeboat.connector.Connectors;
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
 * and the code, each checked by its connector. Errors name the field at fault.
 */
final class EnvironmentParts {

    private final Connectors connectors = new Connectors();
    private final SecretSealer sealer;

    EnvironmentParts(SecretSealer sealer) {
        this.sealer = sealer;
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
            parts.add(new PartSpec(mounts.get(i).name(), "mount", Map.of("path", mounts.get(i).path()), null));
        }
        Map<String, String> code = new HashMap<>(Map.of("commit", request.code().commit()));
        if (request.code().path() != null) {
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

    private List<String> serviceTypes() {
        return connectors.types().stream().filter(t -> !Set.of("mount", "code").contains(t)).toList();
    }
}
