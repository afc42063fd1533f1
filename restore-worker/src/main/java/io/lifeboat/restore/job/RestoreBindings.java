package io.lifeboat.restore.job;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.restore.RestoreRequested;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.function.Consumer;

/** Restore requests in; overdue restores failed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RestoreProperties.class)
class RestoreBindings {

    private final RestoreJob job;
    private final RestoreReaper reaper;

    RestoreBindings(RestoreJob job, RestoreReaper reaper) {
        this.reaper = reaper;
        this.job = job;
    }

    @Bean
    Consumer<Message<byte[]>> restoreRequests() {
        return message -> job.run(EventCodec.decode(message.getPayload(), RestoreRequested.class));
    }

    @Scheduled(fixedDelayString = "${lifeboat.restore.reaper-millis:10000}")
    void failOverdueRestores() {
        reaper.reap();
    }
}
