package io.lifeboat.cli.output;

import io.lifeboat.cli.client.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TableTests {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndLinesHaveNoTrailingBlanks() {
        String text = Table.of("Id", "Status", "Size")
                .row("01a", "COMPLETED", "1.0 MiB")
                .row("01bcdef", null, "12 B")
                .render();

        assertThat(text).isEqualTo("""
                ID       STATUS     SIZE
                01a      COMPLETED  1.0 MiB
                01bcdef             12 B
                """);
    }

    @Test
    void cellsStayOnOneLineAndAreMeasuredInCharactersNotUtf16Units() {
        String text = Table.of("Name", "Note").row("Zoë 🚀", "two\nlines").row("x", "y").render();

        assertThat(text.lines()).containsExactly("NAME   NOTE", "Zoë 🚀  two lines", "x      y");
    }

    @Test
    void anObjectBecomesPropertyRowsWithDottedNamesThatLookupAccepts() {
        JsonNode backup = ApiClient.JSON.readTree("""
                {"id": "b1", "created_at": "2026-11-25T04:00:12.345678Z", "services": [{"name": "db"}],
                 "upgrades": ["advanced", "premium"], "error": null,
                 "verification": {"status": "PASSED", "chunks_checked": 12}}""");

        String text = PropertyTable.of(backup, Set.of("services")).render();

        assertThat(text.lines()).containsExactly("PROPERTY                     VALUE", "id                           b1",
                "created_at                   2026-11-25T04:00:12Z", "upgrades                     advanced, premium",
                "error", "verification.status          PASSED", "verification.chunks_checked  12");
        assertThat(PropertyTable.lookup(backup, "verification.status").asString()).isEqualTo("PASSED");
        assertThat(PropertyTable.lookup(backup, "services.0.name").asString()).isEqualTo("db");
        assertThat(PropertyTable.lookup(backup, "nothing").isMissingNode()).isTrue();
    }

    @Test
    void sizesAndDurationsAreShort() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Units.bytes(20L * 1024 * 1024)).isEqualTo("20.0 MiB");
        assertThat(Units.duration(java.time.Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(Units.duration(java.time.Duration.ofMinutes(127))).isEqualTo("2h07m");
    }
}
