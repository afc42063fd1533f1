package io.lifeboat.retention;

import io.lifeboat.support.events.EventsConfiguration;
import io.lifeboat.support.storage.StorageConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The retention service: keeps its own copy of projects, environments, backups and restores from events,
 * decides which backups expire, carries out deletions and reclaims the storage they free.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
@Import({EventsConfiguration.class, StorageConfiguration.class})
public class RetentionServiceApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RetentionServiceApplication.class)
                .properties("spring.config.name=retention-service");
    }
}
