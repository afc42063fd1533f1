package io.lifeboat.gateway.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request. */
public final class Callers {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        return new Caller("system", "system", Caller.ROOT, null, null);
    }

    private Callers() {
    }
}
