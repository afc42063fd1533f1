package io.lifeboat.gateway.platform;

import io.lifeboat.gateway.identity.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs work as the platform's service account, so that the audit trail names it. */
final class PlatformCaller {

    static final Caller PLATFORM = new Caller("platform", "platform", "platform", null, null);

    static void run(Runnable work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                PLATFORM, null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private PlatformCaller() {
    }
}
