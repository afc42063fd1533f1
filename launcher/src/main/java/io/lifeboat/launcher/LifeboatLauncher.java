package io.lifeboat.launcher;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar lifeboat-launcher.jar}: all of Lifeboat on its embedded default, with nothing to install
 * but a JDK: an in-process Kafka broker, PostgreSQL for the catalog, storage in a directory, the five
 * services, and a demo environment to back up and restore straight away.
 *
 * <p>Options (system properties): {@code lifeboat.home} (default {@code .lifeboat}), {@code lifeboat.port}
 * (default 8080).
 */
public final class LifeboatLauncher {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("lifeboat.home", ".lifeboat")).toAbsolutePath();
        int port = Integer.getInteger("lifeboat.port", 8080);
        Files.createDirectories(home);
        requireFreePort(port);
        Tools.report();
        Secrets secrets = Secrets.loadOrCreate(home.resolve("secrets.properties"));

        // until the services configure logging (WARN, to the log file), the broker would log every step to the
        // terminal: keep it quiet
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.println("Starting Kafka (in-process, KRaft) ...");
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        System.out.println("Starting PostgreSQL for the catalog ...");
        EmbeddedPostgres postgres = new EmbeddedPostgres(home, freePort());
        Demo.createDatabases(postgres);

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl("lifeboat"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka.getBrokersAsString());
        properties.put("lifeboat.storage.locations[0].name", "local");
        properties.put("lifeboat.storage.locations[0].type", "filesystem");
        properties.put("lifeboat.storage.locations[0].path", home.resolve("storage").toString());
        properties.put("lifeboat.storage.master-keys", secrets.masterKey());
        properties.put("lifeboat.secrets.key", secrets.secretsKey());
        properties.put("lifeboat.gateway.admin-token", secrets.adminToken());
        properties.put("lifeboat.files.roots", Demo.filesRoot(home));
        properties.put("server.port", Integer.toString(port));
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.lifeboat", "INFO");
        properties.put("logging.level.io.micrometer", "ERROR");
        properties.put("logging.level.org.springframework.cloud.stream.binder.kafka", "ERROR");
        properties.put("logging.file.name", home.resolve("lifeboat.log").toString());
        System.out.println("Starting the five services ...");
        Stack stack = Stack.start(properties);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Lifeboat ...");
            stack.close();
            kafka.destroy();
            postgres.close();
            stopped.countDown();
        }));
        Demo demo = Demo.register(home, postgres, stack.gatewayUrl(), secrets.adminToken());
        System.out.println(Banner.text(stack.gatewayUrl(), secrets.adminToken(), demo, home));
        stopped.await();
    }

    private static void requireFreePort(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            System.err.println("error: port " + port + " is in use; run with -Dlifeboat.port=<another port>");
            System.exit(2);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private LifeboatLauncher() {
    }
}
