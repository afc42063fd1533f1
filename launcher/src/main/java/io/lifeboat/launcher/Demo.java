package io.lifeboat.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The demo environment: project {@code demo}, environment {@code main}, with a database, a mount and code. */
record Demo(String project, String environment, String database, Path mount, Path code) {

    static final String COMMIT = "de40c0de1b2a";

    static void createDatabases(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            for (String database : new String[] {"lifeboat", "demo_app"}) {
                try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("demo_app"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS customers (id serial PRIMARY KEY, name text NOT NULL, email text);
                    CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY, customer_id int REFERENCES customers,
                                                       total numeric(10,2), placed_at timestamptz DEFAULT now());
                    INSERT INTO customers (name, email) SELECT 'customer ' || g, 'c' || g || '@example.com'
                        FROM generate_series(1, 1000) g WHERE NOT EXISTS (SELECT 1 FROM customers);
                    INSERT INTO orders (customer_id, total) SELECT 1 + g % 1000, (g % 500) + 0.99
                        FROM generate_series(1, 10000) g WHERE NOT EXISTS (SELECT 1 FROM orders);
                    """);
        }
    }

    /**
     * The file roots of the embedded run: {@code <home>/projects/<project>}, apart from the secrets, the catalog
     * and the storage, which sit beside it in the home directory.
     */
    static String filesRoot(Path home) {
        return home.resolve("projects").toString() + "/{project}";
    }

    static Demo register(Path home, EmbeddedPostgres postgres, String gatewayUrl, String token)
            throws IOException, InterruptedException {
        Path files = home.resolve("projects/demo");
        Path before = home.resolve("demo");
        if (Files.isDirectory(before, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(files)) {
            // the demo's files were in <home>/demo before the file roots: they move below the demo's root
            Files.createDirectories(files.getParent());
            Files.move(before, files);
        }
        Demo demo = new Demo("demo", "main", "demo_app", files.resolve("uploads"), files.resolve("app"));
        if (!Files.exists(demo.mount())) {
            Files.createDirectories(demo.mount().resolve("images"));
            Files.writeString(demo.mount().resolve("images/logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>\n");
            Files.writeString(demo.mount().resolve("report.csv"), "month,total\n2026-10,1200\n2026-11,1350\n");
            Files.createDirectories(demo.code());
            Files.writeString(demo.code().resolve("app.py"), "print('the demo app')\n");
        }
        HttpClient http = HttpClient.newHttpClient();
        if (send(http, gatewayUrl, token, "GET", "/projects/demo", null) == 404) {
            send(http, gatewayUrl, token, "POST", "/projects", """
                    {"id":"demo","title":"Demo","tier":"enterprise","plan":"production","timezone":"UTC"}""");
        }
        String environment = """
                {"name":"main","type":"production","status":"active",
                 "services":[{"name":"database","type":"postgresql","connection":{"host":"127.0.0.1",
                   "port":"%d","database":"demo_app","user":"postgres"}}],
                 "mounts":[{"name":"uploads","path":"%s"}],
                 "code":{"commit":"%s","path":"%s"}}""".formatted(postgres.port(), demo.mount(), COMMIT,
                demo.code());
        // the embedded PostgreSQL gets a new port on every run: the registration follows it
        if (send(http, gatewayUrl, token, "GET", "/projects/demo/environments/main", null) == 404) {
            send(http, gatewayUrl, token, "POST", "/projects/demo/environments", environment);
        } else {
            send(http, gatewayUrl, token, "PUT", "/projects/demo/environments/main", environment);
        }
        return demo;
    }

    private static int send(HttpClient http, String base, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && response.statusCode() != 404) {
            throw new IOException("registering the demo failed: " + method + " " + path + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return response.statusCode();
    }
}
