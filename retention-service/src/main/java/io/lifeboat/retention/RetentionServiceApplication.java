package io.lifeboat.retention;

import io.lifeboat.support.events.EventsConfiguration;
import io.lifeboat.support.storage.StorageConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retention service: carries out backup deletions and reclaims the storage they free. */
@SpringBootApplication
@EnableScheduling
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
