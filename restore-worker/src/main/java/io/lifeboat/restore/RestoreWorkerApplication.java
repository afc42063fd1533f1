package io.lifeboat.restore;

import io.lifeboat.support.events.EventsConfiguration;
import io.lifeboat.support.files.FilesConfiguration;
import io.lifeboat.support.secrets.SecretsConfiguration;
import io.lifeboat.support.storage.StorageConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The restore worker: replays a backup's parts into a target environment. */
@SpringBootApplication
@EnableScheduling
@Import({EventsConfiguration.class, FilesConfiguration.class, StorageConfiguration.class,
        SecretsConfiguration.class})
public class RestoreWorkerApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RestoreWorkerApplication.class)
                .properties("spring.config.name=restore-worker");
    }
}
