package io.lifeboat.gateway.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per API token (Bucket4j): {@code perSecond} requests a second, bursts of twice that. */
final class RateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long perSecond;

    RateLimits(long perSecond) {
        this.perSecond = perSecond;
    }

    boolean tryConsume(String token) {
        return buckets.computeIfAbsent(token, t -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond * 2).refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build()).tryConsume(1);
    }
}
