package io.lifeboat.snapshot.part;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import io.lifeboat.contracts.snapshot.SnapshotCutRequested;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Part tasks in, from the topic of each part type this worker handles; and the coordinator's broadcasts. */
@Configuration(proxyBeanMethods = false)
class PartBindings {

    @Bean
    Consumer<Message<byte[]>> partTasks(PartWorker worker) {
        return message -> worker.submit(EventCodec.decode(message.getPayload(), PartSnapshotRequested.class));
    }

    @Bean
    Consumer<Message<byte[]>> snapshotControl(CutSignals signals) {
        return message -> {
            SnapshotCutRequested request = EventCodec.decode(message.getPayload(), SnapshotCutRequested.class);
            signals.signal(request.backupId(), !request.abort());
        };
    }
}
