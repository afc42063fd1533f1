package io.lifeboat.gateway.environment;

import io.lifeboat.contracts.HookUrls;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.PartSpec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An environment as the API shows it. Credentials are never returned, only whether one is set. */
record EnvironmentView(String project, String name, String type, String status, List<ServiceView> services,
                       List<MountView> mounts, CodeView code, Hooks hooks, Instant createdAt, Instant updatedAt) {

    record ServiceView(String name, String type, Map<String, String> connection, boolean passwordSet) {
    }

    record MountView(String name, String path) {
    }

    record CodeView(String commit, String path) {
    }

    static EnvironmentView of(Environment environment) {
        List<PartSpec> parts = environment.parts();
        PartSpec code = parts.stream().filter(p -> p.type().equals("code")).findFirst().orElse(null);
        return new EnvironmentView(environment.ref().project(), environment.ref().environment(), environment.type(),
                environment.status(),
                parts.stream().filter(p -> !p.type().equals("code") && !p.type().equals("mount"))
                        .map(p -> new ServiceView(p.name(), p.type(), new LinkedHashMap<>(p.settings()),
                                p.sealedSecret() != null)).toList(),
                parts.stream().filter(p -> p.type().equals("mount"))
                        .map(p -> new MountView(p.name(), p.setting("path"))).toList(),
                code == null ? null : new CodeView(code.setting("commit"), code.setting("path")),
                HookUrls.redact(environment.hooks()), environment.createdAt(), environment.updatedAt());
    }
}
