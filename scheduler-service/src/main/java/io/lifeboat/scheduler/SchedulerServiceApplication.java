package io.lifeboat.scheduler;

import io.lifeboat.support.events.EventsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The scheduler: knows every production environment and requests its automated backups. */
@SpringBootApplication
@EnableScheduling
@Import(EventsConfiguration.class)
public class SchedulerServiceApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchedulerServiceApplication.class)
                .properties("spring.config.name=scheduler-service");
    }
}
