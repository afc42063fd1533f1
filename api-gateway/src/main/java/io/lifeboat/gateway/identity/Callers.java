package io.lifeboat.gateway.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of the current request. Outside HTTP requests (the Kafka consumers) work runs as the system;
 * an HTTP request without a caller gets one who may do nothing.
 */
public final class Callers {

    static final Caller SYSTEM = new Caller("system", "system", Caller.ROOT, null, null);
    static final Caller NOBODY = new Caller(null, "anonymous", null, "-", null);

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        return RequestContextHolder.getRequestAttributes() == null ? SYSTEM : NOBODY;
    }

    private Callers() {
    }
}
