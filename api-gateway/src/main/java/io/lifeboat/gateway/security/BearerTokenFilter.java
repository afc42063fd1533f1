package io.lifeboat.gateway.security;

import io.lifeboat.gateway.identity.Caller;
import io.lifeboat.gateway.identity.TokenAuthenticator;
import io.lifeboat.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the configured admin token, or a user's API token.
 * Each token has its own rate limit; past it, requests get 429.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenAuthenticator authenticator;
    private final RateLimits limits;

    BearerTokenFilter(TokenAuthenticator authenticator, RateLimits limits) {
        this.authenticator = authenticator;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Caller> caller = authenticator.authenticate(header.substring(7).trim());
            if (caller.isPresent()) {
                String key = caller.get().tokenId() == null ? caller.get().name() : caller.get().tokenId();
                if (!limits.tryConsume(key)) {
                    response.setHeader("Retry-After", "1");
                    Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "too many requests with this token; slow down and retry", null);
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                        .authenticated(caller.get(), null, caller.get().root() || caller.get().support()
                                ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_OPERATOR")
                                : AuthorityUtils.createAuthorityList("ROLE_USER")));
            }
        }
        chain.doFilter(request, response);
    }
}
