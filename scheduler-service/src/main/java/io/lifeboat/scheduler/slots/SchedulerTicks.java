package io.lifeboat.scheduler.slots;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ticks the schedule. Every instance ticks; the slot table lets each slot fire once. */
@Component
class SchedulerTicks {

    private final AutomatedBackups backups;

    SchedulerTicks(AutomatedBackups backups) {
        this.backups = backups;
    }

    @Scheduled(fixedDelayString = "${lifeboat.scheduler.tick}", initialDelayString = "${lifeboat.scheduler.tick}")
    void tick() {
        backups.tick();
    }
}
