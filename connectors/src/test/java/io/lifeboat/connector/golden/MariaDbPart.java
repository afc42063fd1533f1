package io.lifeboat.connector.golden;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.MariaDbFixtures;
import io.lifeboat.testing.PgFixtures;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A small MariaDB database: tables in two character sets, a view of each security type, a function, a
 * procedure, two triggers, an enabled and a disabled event.
 */
final class MariaDbPart extends GoldenPart {

    MariaDbPart() {
        super("shop", "mariadb");
    }

    @Override
    PartSpec source(Scratch scratch) throws Exception {
        PartSpec part = target(scratch);
        String database = part.setting("database");
        try (Connection c = MariaDbFixtures.connect(null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }
        try (Connection c = MariaDbFixtures.connect(database); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE authors (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) COLLATE utf8mb4_bin
                        NOT NULL UNIQUE, born DATE NULL);
                    CREATE TABLE books (isbn CHAR(13) PRIMARY KEY, author_id INT NOT NULL, title VARCHAR(300),
                        price DECIMAL(8,2), cover MEDIUMBLOB, FOREIGN KEY (author_id) REFERENCES authors(id))
                        ENGINE=InnoDB;
                    CREATE TABLE stock_log (id BIGINT AUTO_INCREMENT PRIMARY KEY, isbn CHAR(13), note VARCHAR(50),
                        logged_at DATETIME(3) DEFAULT '2026-01-01 00:00:00.000') CHARACTER SET latin1
                        COLLATE latin1_german1_ci;
                    CREATE VIEW pricey_books AS SELECT isbn, title FROM books WHERE price > 20;
                    CREATE SQL SECURITY INVOKER VIEW books_by_author AS SELECT a.name, count(*) AS n
                        FROM authors a JOIN books b ON b.author_id = a.id GROUP BY a.name;
                    CREATE FUNCTION discounted(p DECIMAL(8,2), pct INT) RETURNS DECIMAL(8,2) DETERMINISTIC
                        RETURN p * (100 - pct) / 100;
                    CREATE PROCEDURE restock(IN which CHAR(13)) MODIFIES SQL DATA
                        INSERT INTO stock_log (isbn, note) VALUES (which, 'restocked');
                    CREATE TRIGGER books_price BEFORE UPDATE ON books FOR EACH ROW SET NEW.price = GREATEST(NEW.price, 0);
                    CREATE TRIGGER books_log AFTER UPDATE ON books FOR EACH ROW
                        INSERT INTO stock_log (isbn, note) VALUES (NEW.isbn, 'updated');
                    CREATE EVENT monthly_report ON SCHEDULE EVERY 1 MONTH STARTS '2031-06-01 00:00:00' ENABLE
                        COMMENT 'a report' DO INSERT INTO stock_log (note) VALUES ('report');
                    CREATE EVENT weekly_cleanup ON SCHEDULE EVERY 1 WEEK STARTS '2031-06-02 04:00:00' DISABLE
                        DO DELETE FROM stock_log WHERE note = 'report';
                    INSERT INTO authors (name, born) VALUES ('Astrid', '1907-11-14'), ('Ōe 東京 🚀', NULL),
                        ('Zoë "Z" Ærø', '1990-02-28');
                    INSERT INTO books SELECT LPAD(seq, 13, '978'), 1 + seq % 3, CONCAT('Book ', seq, IF(seq % 4 = 0,
                        ' — ünïcödé', '')), seq * 1.75, IF(seq % 5 = 0, NULL, UNHEX(SHA2(seq, 256))) FROM seq_1_to_20;
                    UPDATE books SET price = price - 100 WHERE author_id = 2;
                    CALL restock('9780000000001');
                    """);
        }
        return part;
    }

    @Override
    PartSpec target(Scratch scratch) {
        String database = PgFixtures.uniqueName("lbg_maria");
        scratch.onClose(() -> MariaDbFixtures.drop(database));
        return database(MariaDbFixtures.host(), MariaDbFixtures.port(), database, MariaDbFixtures.user());
    }

    @Override
    Map<String, String> fingerprint(PartSpec part) throws Exception {
        return MariaDbFixtures.fingerprint(part.setting("database"));
    }
}
