package io.lifeboat.support.storage;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoragePropertiesTests {

    @Test
    void toStringNamesKeysAndLocationsWithoutTheirSecrets() {
        StorageProperties properties = new StorageProperties(List.of(new StorageProperties.Location("zone-a", "s3",
                URI.create("http://127.0.0.1:9000"), "eu", "bucket", "lb/", "AKIAEXAMPLE", "s3cr3t-key", null)),
                2, List.of("k2:bWFzdGVyLWtleS1tYXRlcmlhbA==", "k1:b2xkLWtleQ=="), null, null, null);
        assertThat(properties.toString()).contains("zone-a", "k2:<redacted>", "k1:<redacted>")
                .doesNotContain("s3cr3t-key").doesNotContain("AKIAEXAMPLE").doesNotContain("bWFzdGVy")
                .doesNotContain("b2xkLWtleQ");
    }
}
