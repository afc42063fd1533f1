package io.lifeboat.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTests {

    static List<EventTypes.Type> types() {
        return StreamSupport.stream(EventTypes.all().spliterator(), false).toList();
    }

    static List<Event> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("types")
    void committedSchemaMatchesTheRecord(EventTypes.Type type) throws IOException {
        JsonNode derived = SchemaGenerator.schemaFor(type);
        if (Boolean.getBoolean("lifeboat.writeSchemas")) {
            Path file = Path.of("src/main/resources", type.schemaResource());
            Files.writeString(file, EventCodec.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n");
        }
        assertThat(committedSchema(type)).as("schema %s; regenerate with -Dlifeboat.writeSchemas=true",
                type.schemaResource()).isEqualTo(derived);
    }

    @Test
    void everyTypeHasASample() {
        assertThat(samples()).extracting(e -> EventTypes.of(e.getClass()).name())
                .containsExactlyInAnyOrderElementsOf(types().stream().map(EventTypes.Type::name).toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplesValidateAgainstTheirSchemaAndRoundTrip(Event event) throws IOException {
        EventTypes.Type type = EventTypes.of(event.getClass());
        byte[] wire = EventCodec.encode(event);
        assertThat(schemaErrors(type, wire)).isEmpty();
        assertThat(EventCodec.decode(wire)).isEqualTo(event);
    }

    private static List<Error> schemaErrors(EventTypes.Type type, byte[] wire) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(committedSchema(type));
        return schema.validate(new String(wire, StandardCharsets.UTF_8), com.networknt.schema.InputFormat.JSON);
    }

    @Test
    void wireNamesAreSnakeCaseAndCarryTypeAndVersion() {
        String json = EventCodec.toJson(SampleEvents.all().getFirst());
        assertThat(json).startsWith("{\"type\":\"backup.requested\",\"schema_version\":1,\"event_id\":")
                .contains("\"backup_id\":").contains("\"commit_sha\":").doesNotContain("backupId");
    }

    @Test
    void aBackupRequestedFromBeforeScheduledForStillParsesAndAScheduledOneRoundTrips() {
        BackupRequested sample = (BackupRequested) SampleEvents.all().getFirst();
        String json = EventCodec.toJson(sample).replace(",\"scheduled_for\":null", "");
        assertThat(json).doesNotContain("scheduled_for");
        BackupRequested old = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), BackupRequested.class);
        assertThat(old.scheduledFor()).isNull();
        assertThat(old).isEqualTo(sample);

        BackupRequested scheduled = new BackupRequested(sample.eventId(), SampleEvents.AT.plusSeconds(73_800),
                sample.backupId(), sample.environment(), false, true, "schedule", null, sample.parts(), null,
                SampleEvents.AT);
        assertThat(EventCodec.toJson(scheduled)).contains("\"scheduled_for\":\"2026-11-25T04:00:00Z\"");
        assertThat(EventCodec.decode(EventCodec.encode(scheduled))).isEqualTo(scheduled);
    }

    @Test
    void aRestoreRequestedWithoutReplaceMissingDefinersStillParsesAsFalse() throws IOException {
        RestoreRequested sample = restoreRequested(true);
        ObjectNode old = (ObjectNode) EventCodec.JSON.readTree(EventCodec.encode(sample));
        old.remove("replace_missing_definers");
        assertThat(schemaErrors(EventTypes.of(RestoreRequested.class), EventCodec.JSON.writeValueAsBytes(old)))
                .as("still a valid v1 event").isEmpty();
        assertThat(EventCodec.decode(EventCodec.JSON.writeValueAsBytes(old), RestoreRequested.class))
                .isEqualTo(restoreRequested(false));
        assertThat(EventCodec.decode(EventCodec.encode(sample))).isEqualTo(sample);

        old.remove("restore_code");
        assertThatThrownBy(() -> EventCodec.decode(EventCodec.JSON.writeValueAsBytes(old)))
                .as("a boolean that was always there is still required")
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("boolean");
    }

    @Test
    void aRestoreCompletedWhosePartsHaveNoObjectsStillParsesAsEmptyAndCountsRoundTrip() throws IOException {
        RestoreCompleted counted = restoreCompleted(Map.of("tables", 12L, "views", 3L, "routines", 4L));
        ObjectNode old = (ObjectNode) EventCodec.JSON.readTree(EventCodec.encode(counted));
        ((ObjectNode) old.get("parts").get(0)).remove("objects");
        assertThat(schemaErrors(EventTypes.of(RestoreCompleted.class), EventCodec.JSON.writeValueAsBytes(old)))
                .as("still a valid v1 event").isEmpty();
        RestoreCompleted parsed = EventCodec.decode(EventCodec.JSON.writeValueAsBytes(old), RestoreCompleted.class);
        assertThat(parsed).isEqualTo(restoreCompleted(Map.of()));
        assertThat(parsed.parts().getFirst().objects()).isEmpty();
        assertThat(EventCodec.decode(EventCodec.encode(counted))).isEqualTo(counted);
    }

    private static RestoreRequested restoreRequested(boolean replaceMissingDefiners) {
        RestoreRequested s = (RestoreRequested) sampleOf(RestoreRequested.class);
        return new RestoreRequested(s.eventId(), s.occurredAt(), s.restoreId(), s.backupId(), s.source(), s.target(),
                s.restoreCode(), s.targetParts(), s.targetHooks(), replaceMissingDefiners);
    }

    private static RestoreCompleted restoreCompleted(Map<String, Long> objects) {
        RestoreCompleted s = (RestoreCompleted) sampleOf(RestoreCompleted.class);
        PartResult d = SampleEvents.RESTORED;
        return new RestoreCompleted(s.eventId(), s.occurredAt(), s.restoreId(), s.backupId(), s.target(),
                s.commitSha(), List.of(new PartResult(d.name(), d.type(), d.status(), d.bytes(), d.storedBytes(),
                d.pointInTime(), d.error(), objects)));
    }

    private static Event sampleOf(Class<? extends Event> type) {
        return samples().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    @Test
    void malformedEventsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"backup.exploded\",\"schema_version\":1}".getBytes()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"backup.started\",\"schema_version\":9}".getBytes()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unsupported schema_version 9");
        assertThatThrownBy(() -> EventCodec.decode(
                "{\"type\":\"backup.started\",\"schema_version\":1,\"event_id\":\"6f1c2a4e-8d43-4f3e-9a51-0c2b7d9e4f10\"}"
                        .getBytes()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("occurred_at");
        assertThatThrownBy(() -> EventCodec.decode(EventCodec.encode(SampleEvents.all().get(1)), BackupRequested.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected backup.requested");
    }

    @Test
    void secretsAreNeverPrinted() {
        assertThat(SampleEvents.DATABASE.toString()).doesNotContain("c2VhbGVk").contains("<sealed>");
    }

    private static JsonNode committedSchema(EventTypes.Type type) throws IOException {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema resource %s", type.schemaResource()).isNotNull();
            return EventCodec.JSON.readTree(in);
        }
    }
}
