package org.consilium.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics: emails sent and SMTP failures by purpose, deliveries left UNCONFIRMED (alert
 * on any increase: an operator must check them), how operators resolved them, bounces, and how many
 * deliveries are in each state.
 */
@Component
public class DeliveryMetrics {
    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    private final MeterRegistry meters;
    private final ReactiveMongoTemplate mongo;
    private final Map<DeliveryState, AtomicLong> byState = new EnumMap<>(DeliveryState.class);

    public DeliveryMetrics(MeterRegistry meters, ReactiveMongoTemplate mongo) {
        this.meters = meters;
        this.mongo = mongo;
        for (DeliveryState state : DeliveryState.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(state, count);
            Gauge.builder("consilium.notification.deliveries", count, AtomicLong::get)
                    .description("deliveries by state, as of the last count").tag("state", state.name()).register(meters);
        }
        for (DeliveryPurpose purpose : DeliveryPurpose.values()) {
            sentCounter(purpose);
            failedCounter(purpose);
            unconfirmedCounter(purpose);
            bouncedCounter(purpose);
        }
        for (ResolutionOutcome outcome : ResolutionOutcome.values()) {
            resolvedCounter(outcome);
        }
    }

    void sent(DeliveryPurpose purpose) {
        sentCounter(purpose).increment();
    }

    void failed(DeliveryPurpose purpose) {
        failedCounter(purpose).increment();
    }

    void unconfirmed(DeliveryPurpose purpose) {
        unconfirmedCounter(purpose).increment();
    }

    void bounced(DeliveryPurpose purpose) {
        bouncedCounter(purpose).increment();
    }

    void resolved(ResolutionOutcome outcome) {
        resolvedCounter(outcome).increment();
    }

    private Counter bouncedCounter(DeliveryPurpose purpose) {
        return Counter.builder("consilium.notification.deliveries.bounced")
                .description("emails the recipient's mail system reported as permanently undeliverable")
                .tag("purpose", purpose.name()).register(meters);
    }

    private Counter resolvedCounter(ResolutionOutcome outcome) {
        return Counter.builder("consilium.notification.deliveries.resolved")
                .description("UNCONFIRMED deliveries an operator resolved, by outcome").tag("outcome", outcome.name())
                .register(meters);
    }

    private Counter sentCounter(DeliveryPurpose purpose) {
        return Counter.builder("consilium.notification.emails.sent").description("emails the SMTP server accepted")
                .tag("purpose", purpose.name()).register(meters);
    }

    private Counter failedCounter(DeliveryPurpose purpose) {
        return Counter.builder("consilium.notification.send.failures")
                .description("SMTP attempts that certainly failed (retried)").tag("purpose", purpose.name()).register(meters);
    }

    private Counter unconfirmedCounter(DeliveryPurpose purpose) {
        return Counter.builder("consilium.notification.deliveries.unconfirmed")
                .description("emails whose sending outcome is unknown; not resent, an operator confirms them")
                .tag("purpose", purpose.name()).register(meters);
    }

    @Scheduled(fixedDelayString = "${consilium.notification.state-count-interval:30s}", initialDelay = 1_000)
    public void countByState() {
        try {
            Flux.fromArray(DeliveryState.values())
                    .concatMap(state -> mongo.count(Query.query(Criteria.where("state").is(state.name())), Delivery.class)
                            .doOnNext(count -> byState.get(state).set(count)))
                    .then().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("could not count deliveries by state: {}", e.toString());
        }
    }
}
