package io.lifeboat.cli.activity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventParserTests {

    @Test
    void aBlankLineEndsEachEventAndCommentsAreSkipped() {
        List<Event> events = parse("""
                : keep-alive
                event: backup.progressed
                data: {"backup_id": "b1", "phase": "database",
                data:  "bytes_read": 10, "bytes_expected": 40}

                event:backup.completed
                id: 7
                data: {"backup_id": "b1"}

                data: not json

                """);

        assertThat(events).extracting(Event::type)
                .containsExactly("backup.progressed", "backup.completed", "message");
        assertThat(events.get(0).backupId()).isEqualTo("b1");
        assertThat(events.get(0).data().path("bytes_expected").asLong()).isEqualTo(40);
        assertThat(events.get(1).backupId()).isEqualTo("b1");
        assertThat(events.get(2).data().asString()).isEqualTo("not json");
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        assertThat(parse("event: backup.started\n\n")).isEmpty();
    }

    private static List<Event> parse(String text) {
        EventParser parser = new EventParser();
        List<Event> events = new ArrayList<>();
        text.lines().forEach(line -> parser.line(line).ifPresent(events::add));
        return events;
    }
}
