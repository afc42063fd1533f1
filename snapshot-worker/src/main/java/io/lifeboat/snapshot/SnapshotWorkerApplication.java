package io.lifeboat.snapshot;

import io.lifeboat.connector.Connectors;
import io.lifeboat.contracts.Topics;
import io.lifeboat.support.events.EventsConfiguration;
import io.lifeboat.support.files.FilesConfiguration;
import io.lifeboat.support.secrets.SecretsConfiguration;
import io.lifeboat.support.storage.StorageConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.stream.Collectors;

/**
 * The snapshot worker: the backup coordinator, and the part workers that stream each part into storage.
 * By default one process handles every part type on its classpath; a deployment may run one kind per
 * type by setting {@code lifeboat.snapshot.task-topics} and {@code lifeboat.snapshot.worker-group}.
 */
@SpringBootApplication
@EnableScheduling
@Import({EventsConfiguration.class, FilesConfiguration.class, StorageConfiguration.class,
        SecretsConfiguration.class})
public class SnapshotWorkerApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        String topics = new Connectors().types().stream()
                .map(type -> "${lifeboat.kafka.namespace:}" + Topics.snapshotTasks(type))
                .collect(Collectors.joining(","));
        return new SpringApplicationBuilder(SnapshotWorkerApplication.class)
                .properties("spring.config.name=snapshot-worker", "lifeboat.snapshot.task-topics=" + topics);
    }
}
