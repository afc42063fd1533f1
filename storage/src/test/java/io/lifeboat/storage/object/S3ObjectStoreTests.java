package io.lifeboat.storage.object;

import io.lifeboat.testing.TestInfra;

import java.util.UUID;

/** The conformance suite against a real S3 API: S3Proxy, started by scripts/test.sh. */
class S3ObjectStoreTests extends ObjectStoreConformance {

    @Override
    protected ObjectStore create(String name) {
        return s3(name, "conformance-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static S3ObjectStore s3(String name, String bucket) {
        return new S3ObjectStore(new S3ObjectStore.Settings(name, TestInfra.s3Endpoint(), "us-east-1", bucket,
                "lifeboat", TestInfra.s3AccessKey(), TestInfra.s3SecretKey(), true));
    }
}
