package io.lifeboat.support.events;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import org.springframework.messaging.Message;

/** Reads events from Kafka messages. Unreadable ones throw, and the binder dead-letters them. */
public final class EventMessages {

    public static Event decode(Message<byte[]> message) {
        return EventCodec.decode(message.getPayload());
    }

    private EventMessages() {
    }
}
