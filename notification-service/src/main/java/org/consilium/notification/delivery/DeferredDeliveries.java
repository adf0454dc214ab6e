package org.consilium.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Sends deferred deliveries once the recipient's quiet hours are over (see {@link QuietHours}). */
@Component
class DeferredDeliveries {
    private static final Logger log = LoggerFactory.getLogger(DeferredDeliveries.class);

    private final Deliveries deliveries;

    DeferredDeliveries(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(fixedDelayString = "${consilium.notification.quiet-hours.poll-interval:30s}", initialDelay = 2_000)
    void sendDue() {
        try {
            Long sent = deliveries.sendDue().block(Duration.ofMinutes(5));
            if (sent != null && sent > 0) {
                log.info("sent {} deferred email(s)", sent);
            }
        } catch (RuntimeException e) {
            log.warn("could not send deferred deliveries: {}", e.toString());
        }
    }
}
