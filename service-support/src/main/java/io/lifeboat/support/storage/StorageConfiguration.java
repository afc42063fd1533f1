package io.lifeboat.support.storage;

import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.FilesystemObjectStore;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.RetryingObjectStore;
import io.lifeboat.storage.object.S3ObjectStore;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The backup repository over the configured locations, for the workers and retention. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    Repository repository(StorageProperties properties, Clock clock) {
        if (properties.locations() == null || properties.locations().isEmpty()) {
            throw new IllegalStateException("lifeboat.storage.locations is empty: configure at least one location");
        }
        if (properties.masterKeys() == null || properties.masterKeys().isEmpty()) {
            throw new IllegalStateException("lifeboat.storage.master-keys is empty: configure a master key");
        }
        List<ObjectStore> stores = properties.locations().stream().map(StorageConfiguration::store).toList();
        RepositoryOptions options = RepositoryOptions.defaults();
        if (properties.gcGrace() != null) {
            options = options.withGcGrace(properties.gcGrace());
        }
        if (properties.leaseTtl() != null) {
            options = options.withLeaseTtl(properties.leaseTtl());
        }
        if (properties.packSizeMib() != null) {
            options = options.withPackSize(properties.packSizeMib() * 1024 * 1024);
        }
        int quorum = properties.writeQuorum() == null ? stores.size() : properties.writeQuorum();
        return Repository.open(stores, quorum, MasterKeyRing.parse(properties.masterKeys()), clock, options);
    }

    static ObjectStore store(StorageProperties.Location location) {
        String name = location.name() == null ? location.type() : location.name();
        ObjectStore store = switch (location.type() == null ? "" : location.type()) {
            case "s3" -> new S3ObjectStore(new S3ObjectStore.Settings(name, location.endpoint(), location.region(),
                    location.bucket(), location.prefix(), location.accessKey(), location.secretKey(), true));
            case "filesystem" -> new FilesystemObjectStore(name, Path.of(location.path()));
            default -> throw new IllegalStateException("storage location " + name + " has type '" + location.type()
                    + "'; use s3 or filesystem");
        };
        return new RetryingObjectStore(store, 4, Duration.ofMillis(200));
    }
}
