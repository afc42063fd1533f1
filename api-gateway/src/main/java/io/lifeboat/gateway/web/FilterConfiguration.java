package io.lifeboat.gateway.web;

import io.lifeboat.gateway.identity.ProjectAccess;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters of the API's own: the body limit runs first of all. After Spring Security (order -100), which
 * authenticates the caller, a project the caller may not see is refused with 404 before anything reads the
 * body; then the Idempotency-Key filter keeps keys per caller.
 */
@Configuration(proxyBeanMethods = false)
class FilterConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter() {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProjectVisibilityFilter> projectVisibilityFilter(ProjectAccess access) {
        FilterRegistrationBean<ProjectVisibilityFilter> registration = new FilterRegistrationBean<>(
                new ProjectVisibilityFilter(access));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 200);
        registration.addUrlPatterns("/projects/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
