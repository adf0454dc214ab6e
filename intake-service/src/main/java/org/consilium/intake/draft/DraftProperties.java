package org.consilium.intake.draft;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long an unfinished request is kept after its last change ({@code consilium.intake.drafts.keep-for}, default 30
 * days): long enough to fetch a report from the hospital and come back, not forever for health data nobody sent.
 */
@ConfigurationProperties("consilium.intake.drafts")
public record DraftProperties(Duration keepFor) {
    public DraftProperties {
        keepFor = keepFor == null ? Duration.ofDays(30) : keepFor;
    }
}
