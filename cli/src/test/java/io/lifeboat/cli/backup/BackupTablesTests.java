package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BackupTablesTests {

    @Test
    void aRestoreShowsEachPartWithWhatItBroughtBackInTheApisOrder() {
        JsonNode restore = ApiClient.JSON.readTree("""
                {"id": "r1", "status": "COMPLETED", "replace_missing_definers": true, "parts": [
                 {"name": "database", "type": "postgresql", "status": "COMPLETED", "bytes": 1048576,
                  "objects": {"tables": 12, "views": 3, "routines": 4, "sequences": 5}},
                 {"name": "uploads", "type": "mount", "status": "COMPLETED", "bytes": 2048, "objects": {"files": 40}},
                 {"name": "code", "type": "code", "status": "COMPLETED", "bytes": 12, "objects": {}}]}""");

        String text = BackupTables.detail(restore);

        assertThat(text).startsWith("PROPERTY").contains("replace_missing_definers  true");
        assertThat(text.lines().dropWhile(line -> !line.startsWith("PART"))).containsExactly(
                "PART      TYPE        STATUS     SIZE     OBJECTS",
                "database  postgresql  COMPLETED  1.0 MiB  tables=12 views=3 routines=4 sequences=5",
                "uploads   mount       COMPLETED  2.0 KiB  files=40",
                "code      code        COMPLETED  12 B");
    }

    @Test
    void aBackupsPartsHaveNoObjectsColumn() {
        JsonNode backup = ApiClient.JSON.readTree("""
                {"id": "b1", "status": "COMPLETED", "services": [
                 {"name": "database", "type": "postgresql", "status": "COMPLETED", "bytes": 1048576}]}""");

        assertThat(BackupTables.detail(backup).lines().dropWhile(line -> !line.startsWith("PART")))
                .containsExactly("PART      TYPE        STATUS     SIZE", "database  postgresql  COMPLETED  1.0 MiB");
    }
}
