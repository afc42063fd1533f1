package io.lifeboat.gateway;

import io.lifeboat.support.events.EventsConfiguration;
import io.lifeboat.support.files.FilesConfiguration;
import io.lifeboat.support.secrets.SecretsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The API gateway: REST API, authentication, and the backup and restore catalog. */
@SpringBootApplication
@Import({EventsConfiguration.class, FilesConfiguration.class, SecretsConfiguration.class})
public class GatewayApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=api-gateway");
    }
}
