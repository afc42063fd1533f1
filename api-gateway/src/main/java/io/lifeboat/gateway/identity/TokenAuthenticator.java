package io.lifeboat.gateway.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented token into a caller: the configured admin token (compared in constant time) is root;
 * any other token is looked up by its hash. Token use is recorded at most once a minute per token.
 */
@Component
public class TokenAuthenticator {

    private final byte[] adminToken;
    private final Tokens tokens;
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenAuthenticator(Tokens tokens, @Value("${lifeboat.gateway.admin-token}") String adminToken, Clock clock) {
        this.clock = clock;
        if (adminToken == null || adminToken.length() < 16) {
            throw new IllegalStateException("lifeboat.gateway.admin-token (LIFEBOAT_ADMIN_TOKEN) must be set to a "
                    + "secret of at least 16 characters");
        }
        this.tokens = tokens;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    public Optional<Caller> authenticate(String presented) {
        if (MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), adminToken)) {
            return Optional.of(new Caller("root", "root", Caller.ROOT, null, null));
        }
        if (!presented.startsWith("lb_") || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<Caller> caller = tokens.authenticate(presented);
        caller.ifPresent(c -> {
            Instant now = clock.instant();
            Instant last = lastTouched.get(c.tokenId());
            if (last == null || Duration.between(last, now).toMinutes() >= 1) {
                lastTouched.put(c.tokenId(), now);
                tokens.touched(c.tokenId());
            }
        });
        return caller;
    }
}
