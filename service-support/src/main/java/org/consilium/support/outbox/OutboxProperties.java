package org.consilium.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which collections hold aggregates with an {@code outbox} array, and how often to relay them.
 *
 * @param source       CloudEvents {@code source} of everything this service publishes
 * @param collections  collections whose documents carry an {@code outbox} array
 * @param pollInterval how often pending entries are looked for: with {@code push} the safety net for an entry whose
 *                     push failed or whose process died after the save, without it the usual publish delay
 * @param push         relay an aggregate's entries right after its save is acknowledged ({@link OutboxPush}), so an
 *                     event waits for the broker rather than for the next poll (issue 16); off, only the poll relays
 * @param claim        claim a document in the store for each relay turn, so that replicas of the service relay it one
 *                     at a time (issue 17); off, a single replica saves the two writes per turn
 */
@ConfigurationProperties("consilium.outbox")
public record OutboxProperties(String source, @DefaultValue List<String> collections,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("10s") Duration sendTimeout,
                               @DefaultValue("true") boolean push,
                               @DefaultValue("true") boolean claim) {
}
