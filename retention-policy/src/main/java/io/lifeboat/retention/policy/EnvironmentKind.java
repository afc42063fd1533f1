package io.lifeboat.retention.policy;

/** The kind of environment whose backups are evaluated. */
public enum EnvironmentKind {
    /** The production environment: the policy's manual allowance and automated rules apply. */
    PRODUCTION,
    /**
     * Any other environment: at most 2 manual backups. It takes no automated backups; those it has from a time
     * it was production (or its project not on a development plan) age out on the policy's cycle.
     */
    PREVIEW
}
