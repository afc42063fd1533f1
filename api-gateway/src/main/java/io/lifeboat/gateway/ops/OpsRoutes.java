package io.lifeboat.gateway.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the ops page (static files in {@code static/ops/}) at {@code /ops/}; it reads {@code /ops/fleet}. */
@Configuration(proxyBeanMethods = false)
class OpsRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ops", "/ops/");
        registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
    }
}
