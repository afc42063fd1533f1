package io.lifeboat.gateway.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the activity streams.
 *
 * @param activityTimeout     how long one stream stays open; clients reconnect after it
 * @param activitySubscribers how many streams one gateway instance serves at once; more get 503
 * @param activityHeartbeat   how long a stream may stay silent before it sends a comment, so proxies keep it
 */
@ConfigurationProperties("lifeboat.gateway")
record ActivityProperties(@DefaultValue("30m") Duration activityTimeout,
                          @DefaultValue("1000") int activitySubscribers,
                          @DefaultValue("15s") Duration activityHeartbeat) {
}
