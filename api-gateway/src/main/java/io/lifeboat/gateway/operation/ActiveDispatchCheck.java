package io.lifeboat.gateway.operation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.gateway.environment.Environment;
import io.lifeboat.gateway.environment.Environments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A queued operation whose environment is inactive (or gone) when its turn comes is cancelled, not started:
 * only active environments are backed up and restored. Deactivating cancels the queue already; this covers
 * whatever crosses it.
 */
@Component
class ActiveDispatchCheck implements DispatchCheck {

    // looked up when needed: Environments itself uses Operations, which uses the checks
    private final ObjectProvider<Environments> environments;

    ActiveDispatchCheck(ObjectProvider<Environments> environments) {
        this.environments = environments;
    }

    @Override
    public Optional<String> refusal(EnvironmentRef environment, String kind, String backupId) {
        Optional<Environment> found = environments.getObject().find(environment);
        if (found.isEmpty()) {
            return Optional.of("environment " + environment + " no longer exists; the " + kind + " did not start");
        }
        return found.get().active() ? Optional.empty() : Optional.of("environment " + environment
                + " was deactivated before this operation started; activate it and ask again");
    }
}
