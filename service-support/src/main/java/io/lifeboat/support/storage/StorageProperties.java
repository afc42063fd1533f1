package io.lifeboat.support.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where backups are stored and how.
 *
 * @param locations    one per zone or data center; each a separate bucket and endpoint (or a directory)
 * @param writeQuorum  locations that must hold data before a backup completes; default: all of them
 * @param masterKeys   {@code id:base64} key-encryption keys; the first is current, the others only unwrap
 */
@ConfigurationProperties("lifeboat.storage")
public record StorageProperties(List<Location> locations, Integer writeQuorum, List<String> masterKeys,
                                Duration gcGrace, Duration leaseTtl, Integer packSizeMib) {

    /** Names the master keys by id only: their material never reaches a log. */
    @Override
    public String toString() {
        return "StorageProperties[locations=" + locations + ", writeQuorum=" + writeQuorum + ", masterKeys="
                + (masterKeys == null ? "[]" : masterKeys.stream().map(k -> k.contains(":")
                ? k.substring(0, k.indexOf(':')) + ":<redacted>" : "<redacted>").toList())
                + ", gcGrace=" + gcGrace + ", leaseTtl=" + leaseTtl + ", packSizeMib=" + packSizeMib + "]";
    }

    /**
     * One location.
     *
     * @param type {@code s3} (endpoint, region, bucket, prefix, access-key, secret-key) or {@code filesystem}
     *             (path)
     */
    public record Location(String name, String type, URI endpoint, String region, String bucket, String prefix,
                           String accessKey, String secretKey, String path) {

        @Override
        public String toString() {
            return "Location[" + name + " " + type + " " + (endpoint != null ? endpoint + "/" + bucket : path) + "]";
        }
    }
}
