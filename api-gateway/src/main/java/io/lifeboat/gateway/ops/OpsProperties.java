package io.lifeboat.gateway.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the ops view ({@code lifeboat.ops.*}).
 *
 * @param enabled        whether this gateway reads the topics and serves {@code GET /ops/fleet}
 * @param window         how far back failed backups and ended restores are shown
 * @param scheduleMargin how late past its schedule's interval an environment's next successful backup may be
 *                       before the environment is listed as out of schedule; more than the scheduler's spread
 *                       plus a backup's usual duration
 */
@ConfigurationProperties("lifeboat.ops")
record OpsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration window,
                     @DefaultValue("2h") Duration scheduleMargin) {
}
