package io.lifeboat.gateway.operation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.gateway.environment.Environments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A queued operation whose environment is inactive when its turn comes is cancelled, not started: only active
 * environments are backed up and restored. Deactivating cancels the queue already; this covers whatever
 * crosses it. An environment that is gone had its queue cancelled when it went, but for the tombstone backups
 * of a deleted project, which must still run.
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
        return environments.getObject().find(environment).filter(e -> !e.active()).map(e -> "environment "
                + environment + " was deactivated before this operation started; activate it and ask again");
    }
}
