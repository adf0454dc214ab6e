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
 * @param pollInterval how often pending entries are looked for; also the worst-case publish delay
 */
@ConfigurationProperties("consilium.outbox")
public record OutboxProperties(String source, @DefaultValue List<String> collections,
                               @DefaultValue("200ms") Duration pollInterval,
                               @DefaultValue("10s") Duration sendTimeout) {
}
