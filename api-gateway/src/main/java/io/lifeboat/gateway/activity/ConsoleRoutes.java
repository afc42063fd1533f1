package io.lifeboat.gateway.activity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console (static files in {@code static/console/}) at {@code /console/}: static resources
 * have no directory index. The console is the activity stream's main reader, hence its place here.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}
