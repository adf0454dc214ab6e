package org.consilium.bpmn.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the inbox correlator works through stored events.
 *
 * @param pollInterval   longest pause between two passes of the correlator (each stored event starts one at once)
 * @param initialBackoff first wait after an event found no waiting execution; doubles per attempt
 * @param maxBackoff     cap of that wait, so an early event applies soon after its wait state is reached
 * @param expiry         an event still pending after this long is marked EXPIRED (and counted)
 * @param maxFailures    failures other than "nobody waits yet" before a row is marked DEAD
 * @param batchSize      rows taken per pass
 * @param retention      applied/discarded rows older than this are purged (their ids no longer deduplicate)
 * @param threads        cases correlated side by side (each case's events stay in order); each holds a database
 *                       connection while it applies, so keep it below the pool's size
 */
@ConfigurationProperties("consilium.inbox")
public record InboxProperties(@DefaultValue("300ms") Duration pollInterval,
                              @DefaultValue("250ms") Duration initialBackoff,
                              @DefaultValue("10s") Duration maxBackoff,
                              @DefaultValue("7d") Duration expiry,
                              @DefaultValue("20") int maxFailures,
                              @DefaultValue("50") int batchSize,
                              @DefaultValue("30d") Duration retention,
                              @DefaultValue("4") int threads) {

    /** Exponential back-off for the given number of attempts already made, capped. */
    public Duration backoff(int attempts) {
        long millis = initialBackoff.toMillis() << Math.min(Math.max(attempts, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
