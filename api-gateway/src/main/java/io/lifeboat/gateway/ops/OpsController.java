package io.lifeboat.gateway.ops;

import io.lifeboat.gateway.identity.ProjectAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The fleet view on the API. Every caller with a token may ask; each sees only the projects it may see
 * (root, the platform and support: all, within a project-scoped token's project; a member: its projects).
 */
@RestController
@ConditionalOnProperty(name = "lifeboat.ops.enabled", matchIfMissing = true)
class OpsController {

    private final Fleet fleet;
    private final FleetReader reader;
    private final ProjectAccess access;
    private final Clock clock;

    OpsController(Fleet fleet, FleetReader reader, ProjectAccess access, Clock clock) {
        this.fleet = fleet;
        this.reader = reader;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/ops/fleet")
    FleetView fleet() {
        return fleet.view(clock.instant(), access.visibility(), reader.caughtUp());
    }
}
