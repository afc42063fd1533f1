package io.lifeboat.retention.policy;

/** The kind of environment whose backups are evaluated. */
public enum EnvironmentKind {
    /** The production environment: the policy's manual allowance and automated rules apply. */
    PRODUCTION,
    /** Any other environment: at most 2 manual backups, no automated ones. */
    PREVIEW
}
