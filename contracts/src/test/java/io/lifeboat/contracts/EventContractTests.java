package io.lifeboat.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.lifeboat.contracts.backup.BackupRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(committedSchema(type));
        List<Error> errors = schema.validate(new String(wire, StandardCharsets.UTF_8),
                com.networknt.schema.InputFormat.JSON);
        assertThat(errors).isEmpty();
        assertThat(EventCodec.decode(wire)).isEqualTo(event);
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
