package io.lifeboat.testing;

import java.net.URI;

/**
 * The real infrastructure that {@code scripts/test.sh} starts (Kafka, S3Proxy) or finds running
 * (PostgreSQL, MariaDB, Redis). Each value comes from an environment variable or system property.
 */
public final class TestInfra {

    public static String kafkaBootstrap() {
        return require("LIFEBOAT_TEST_KAFKA", "a Kafka broker (host:port)");
    }

    public static URI s3Endpoint() {
        return URI.create(require("LIFEBOAT_TEST_S3", "an S3 endpoint (http://host:port)"));
    }

    public static String s3AccessKey() {
        return value("LIFEBOAT_TEST_S3_ACCESS_KEY", "lifeboat");
    }

    public static String s3SecretKey() {
        return value("LIFEBOAT_TEST_S3_SECRET_KEY", "lifeboat-secret");
    }

    public static String postgresHost() {
        return value("LIFEBOAT_TEST_PG_HOST", "127.0.0.1");
    }

    public static int postgresPort() {
        return Integer.parseInt(value("LIFEBOAT_TEST_PG_PORT", "5432"));
    }

    public static String postgresUser() {
        return value("LIFEBOAT_TEST_PG_USER", "postgres");
    }

    public static String postgresUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    private static String require(String name, String what) {
        String value = lookup(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with scripts/test.sh, which starts "
                    + what);
        }
        return value;
    }

    static String value(String name, String fallback) {
        String value = lookup(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String lookup(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }

    private TestInfra() {
    }
}
