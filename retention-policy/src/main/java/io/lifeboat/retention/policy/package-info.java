/**
 * The retention engine: which backups of an environment to keep, as one pure function of a {@link
 * io.lifeboat.retention.policy.Policy}, the completed backups, the time and the project's time zone.
 */
@NullMarked
package io.lifeboat.retention.policy;

import org.jspecify.annotations.NullMarked;
