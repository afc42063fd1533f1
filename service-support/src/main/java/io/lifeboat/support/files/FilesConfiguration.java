package io.lifeboat.support.files;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code lifeboat.files} for the services that check file paths: the gateway and the workers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
public class FilesConfiguration {
}
