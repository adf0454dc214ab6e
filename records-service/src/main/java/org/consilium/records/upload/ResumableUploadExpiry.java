package org.consilium.records.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Unfinished resumable uploads do not linger: on a schedule ({@code consilium.records.resumable.cleanup},
 * default 15 min) every upload idle past {@code consilium.records.resumable.expiry} (default 24 h) is
 * deleted with its chunks.
 */
@Component
public class ResumableUploadExpiry {
    private static final Logger log = LoggerFactory.getLogger(ResumableUploadExpiry.class);
    private final ResumableUploads uploads;
    private final Clock clock;

    public ResumableUploadExpiry(ResumableUploads uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${consilium.records.resumable.cleanup:15m}",
            fixedDelayString = "${consilium.records.resumable.cleanup:15m}")
    public void scheduled() {
        try {
            Long expired = uploads.expire(clock.instant()).block(Duration.ofMinutes(10));
            if (expired != null && expired > 0) {
                log.info("deleted {} expired resumable upload(s)", expired);
            }
        } catch (RuntimeException e) {
            log.warn("expiring resumable uploads failed: {}", e.toString());
        }
    }
}
