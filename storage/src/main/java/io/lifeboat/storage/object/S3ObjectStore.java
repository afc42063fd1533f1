package io.lifeboat.storage.object;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/** Objects in an S3 bucket (AWS, MinIO, S3Proxy ...), through the AWS SDK for Java v2. */
public final class S3ObjectStore implements ObjectStore {

    /** Where a location lives. {@code prefix} may be empty; it must not start or end with {@code /}. */
    public record Settings(String name, URI endpoint, String region, String bucket, String prefix,
                           String accessKey, String secretKey, boolean createBucket) {
        @Override
        public String toString() {
            return "S3[" + name + " " + endpoint + " " + bucket + "/" + prefix + "]";
        }
    }

    private final Settings settings;
    private final S3Client s3;
    private final String prefix;

    public S3ObjectStore(Settings settings) {
        this.settings = settings;
        this.prefix = settings.prefix() == null || settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
        var builder = S3Client.builder()
                .region(Region.of(settings.region() == null ? "us-east-1" : settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32)
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                // S3-compatible stores differ in their support for the SDK's default CRC trailers;
                // every object Lifeboat reads is authenticated by AES-GCM anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(true);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
        if (settings.createBucket()) {
            createBucketIfMissing();
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public void put(String key, byte[] data) {
        // the caller does not change data after handing it over: no defensive copy of packs of many MiB
        call("put", key, () -> s3.putObject(b -> b.bucket(settings.bucket()).key(full(key))
                .contentLength((long) data.length), RequestBody.fromContentProvider(
                ContentStreamProvider.fromByteArrayUnsafe(data), data.length, "application/octet-stream")));
    }

    @Override
    public byte[] get(String key) {
        return call("get", key, () -> readAll(key, s3.getObject(b -> b.bucket(settings.bucket()).key(full(key))),
                -1));
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        byte[] data = call("get", key, () -> readAll(key, s3.getObject(b -> b.bucket(settings.bucket()).key(full(key))
                .range("bytes=" + offset + "-" + (offset + length - 1))), length));
        if (data.length != length) {
            throw new StorageException(name() + ": short range read of " + key + ": " + data.length + " of "
                    + length + " bytes", false, null);
        }
        return data;
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            var head = s3.headObject(b -> b.bucket(settings.bucket()).key(full(key)));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw translate("stat", key, e);
        } catch (SdkException e) {
            throw translate("stat", key, e);
        }
    }

    @Override
    public void delete(String key) {
        call("delete", key, () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(full(key))));
    }

    @Override
    public Stream<ObjectInfo> list(String keyPrefix) {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix + Keys.checkPrefix(keyPrefix)))
                    .contents().stream()
                    .map(o -> new ObjectInfo(o.key().substring(prefix.length()), o.size(), o.lastModified()));
        } catch (SdkException e) {
            throw translate("list", keyPrefix, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(settings.bucket()));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // another worker created it first
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw translate("create bucket", settings.bucket(), e);
            }
            s3.createBucket(b -> b.bucket(settings.bucket()));
        }
    }

    /**
     * The body, read into one array of its exact size: no growing buffer, no copies. On failure the
     * connection is aborted rather than drained for reuse.
     */
    private byte[] readAll(String key, ResponseInputStream<GetObjectResponse> body, int expected) {
        try (body) {
            Long size = body.response().contentLength();
            if (size == null) {
                return body.readAllBytes(); // no Content-Length (chunked encoding): read to the end
            }
            if (size > Integer.MAX_VALUE - 8 || (expected >= 0 && size != expected)) {
                body.abort();
                throw new StorageException(name() + ": " + key + " has Content-Length " + size
                        + (expected >= 0 ? ", expected " + expected : ""), false, null);
            }
            byte[] data = body.readNBytes(size.intValue());
            if (data.length != size || body.read() != -1) {
                body.abort();
                throw new StorageException(name() + ": " + key + " does not match its Content-Length " + size,
                        false, null);
            }
            return data;
        } catch (IOException e) {
            body.abort();
            throw new StorageException(name() + ": reading " + key + " failed: " + e.getMessage(), false, e);
        }
    }

    private String full(String key) {
        return prefix + Keys.check(key);
    }

    private <T> T call(String operation, String key, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(operation, key, e);
        }
    }

    private StorageException translate(String operation, String key, SdkException e) {
        if (e instanceof NoSuchKeyException || (e instanceof S3Exception s && s.statusCode() == 404
                && !(e instanceof NoSuchBucketException))) {
            return new ObjectNotFoundException(name(), key);
        }
        boolean permanent = e instanceof S3Exception s && s.statusCode() >= 400 && s.statusCode() < 500
                && s.statusCode() != 408 && s.statusCode() != 429;
        if (e instanceof SdkClientException) {
            permanent = false;
        }
        String detail = e instanceof S3Exception s ? "HTTP " + s.statusCode() + " " + s.getMessage() : e.getMessage();
        return new StorageException(name() + ": " + operation + " " + key + " failed: " + detail, permanent, e);
    }
}
