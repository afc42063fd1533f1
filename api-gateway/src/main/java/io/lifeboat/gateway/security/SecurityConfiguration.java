package io.lifeboat.gateway.security;

import io.lifeboat.gateway.identity.TokenAuthenticator;
import io.lifeboat.gateway.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every endpoint needs {@code Authorization: Bearer <token>}, except health and the published API document.
 * Failures answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenAuthenticator authenticator,
                            @Value("${lifeboat.gateway.rate-limit-per-second:50}") long rateLimit) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(new BearerTokenFilter(authenticator, new RateLimits(rateLimit)),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // an async dispatch (the end of an activity stream) follows an authorized request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error", "/v3/api-docs",
                                "/v3/api-docs.yaml", "/console", "/console/**").permitAll()
                        // metrics name every project's environments: the admin and support tokens only
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        // the ops page; the fleet it shows (/ops/fleet) needs a token like the rest of the API
                        .requestMatchers("/ops", "/ops/", "/ops/index.html", "/ops/ops.js", "/ops/ops.css").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "send Authorization: Bearer <token> with a valid API token", null))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "your token does not allow this", null)))
                .build();
    }

    /** The firewall's refusals (an encoded slash, a semicolon, an unknown method...) as problem+json 400. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, ex) -> Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-request",
                "the request was refused: its method, path or headers are not allowed", null);
    }
}
