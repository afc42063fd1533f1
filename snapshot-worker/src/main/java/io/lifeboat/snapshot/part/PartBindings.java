package io.lifeboat.snapshot.part;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Part tasks in, from the topic of each part type this worker handles. */
@Configuration(proxyBeanMethods = false)
class PartBindings {

    @Bean
    Consumer<Message<byte[]>> partTasks(PartWorker worker) {
        return message -> worker.snapshot(EventCodec.decode(message.getPayload(), PartSnapshotRequested.class));
    }
}
