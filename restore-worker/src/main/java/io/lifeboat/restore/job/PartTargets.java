package io.lifeboat.restore.job;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.RestoreOptions;
import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.SecretSealer;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.support.files.FilesProperties;
import org.springframework.stereotype.Component;

/** The target of each part of a restore, with its password unsealed: the same for every run of the restore. */
@Component
class PartTargets {

    private final SecretSealer sealer;
    private final FileRoots roots;

    PartTargets(SecretSealer sealer, FilesProperties files) {
        this.sealer = sealer;
        this.roots = FileRoots.of(files.roots());
    }

    PartContext of(RestoreRequested request, String part, String type) {
        PartSpec target = request.targetParts().stream().filter(p -> p.name().equals(part)).findFirst()
                .filter(p -> p.type().equals(type)).orElseThrow(() -> new ConnectorException(
                        "the target environment has no " + type + " part named " + part, true));
        String password = target.sealedSecret() == null ? null
                : sealer.open(target.sealedSecret(), SecretSealer.context(request.target(), target.name()));
        return new PartContext(request.target(), target, password, request.restoreId(), roots,
                new RestoreOptions(request.replaceMissingDefiners()));
    }
}
