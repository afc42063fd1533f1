package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartResult;

import java.time.Instant;
import java.util.List;

/** One backup: what its request said, its last progress, and the parts that failed. */
final class BackupRun extends Run {

    String trigger;
    Boolean automated;
    Boolean safe;
    Instant progressAt;
    String phase;
    long bytesRead;
    long bytesExpected;
    List<PartResult> failedParts = List.of();

    BackupRun(String id, EnvironmentRef environment) {
        super(id, environment);
    }
}
