package org.consilium.support.parking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.support.inbound.InboundMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Messages that overtook the event they need, kept in the store instead of retried on the binding's thread
 * (docs/adr/0024-parked-messages.md). A retry there held every other case's message behind it, for as long as the retries lasted, and
 * then dead-lettered a message whose event was merely late (after a restart with a backlog, minutes late).
 * <ul>
 * <li>A handler that throws {@link NotApplicableYet} gets its message parked and acknowledged; so does every later
 * message of the same case on the same binding, behind it, so a case's messages are still applied in order.</li>
 * <li>Once any event of the case has been applied, the consumer of that event calls {@link #release}: the case's
 * parked messages are applied in order until one still is not applicable. Parking looks once more right after it
 * stores the message, so an event applied in between is not missed; a sweep every
 * {@code consilium.parking.sweep-interval} tries again whatever a crash left parked.</li>
 * <li>A message still parked after {@code consilium.parking.deadline} goes to its binding's dead-letter topic with
 * the reason in the headers, as a failed message does: the engine makes it a coordinator task and ops can replay
 * it. Nothing waits silently.</li>
 * </ul>
 * Applying a message twice (a release racing the look after parking, a crash between applying and forgetting)
 * must change nothing: every consumer here is idempotent on the message's id.
 */
public class ParkedMessages {
    private static final Logger log = LoggerFactory.getLogger(ParkedMessages.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);
    private static final int STRIPES = 64;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ParkingBindings bindings;
    private final Duration deadline;
    private final Clock clock;
    private final Map<String, Function<Envelope, Mono<?>>> handlers = new ConcurrentHashMap<>();
    /** One case's release at a time (per binding), so two releases do not apply its messages out of order. */
    private final Object[] stripes = new Object[STRIPES];
    private final Counter parked;
    private final Counter released;
    private final Counter deadLettered;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestAge = new AtomicLong();

    public ParkedMessages(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, ParkingBindings bindings,
                          Duration deadline, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.bindings = bindings;
        this.deadline = deadline;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.parked = outcome(meters, "parked");
        this.released = outcome(meters, "released");
        this.deadLettered = outcome(meters, "dead-lettered");
        Gauge.builder("consilium.parked.messages", waiting, AtomicLong::get)
                .description("messages parked until the event they wait for is applied (at the last sweep)")
                .register(meters);
        Gauge.builder("consilium.parked.oldest.age", oldestAge, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest parked message at the last sweep; 0 when none waits").register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("consilium.parked").description("messages parked, released and dead-lettered")
                .tag("outcome", outcome).register(meters);
    }

    /**
     * The consumer of {@code binding} ({@code <function>-in-0}, as bound in application.yaml), applying each message
     * with {@code handler}, parking those it cannot apply yet.
     */
    public Consumer<Message<byte[]>> consumer(String binding, Function<Envelope, Mono<?>> handler) {
        handlers.put(binding, handler);
        // runs on the binding's thread, which InboundMessages lets block
        return InboundMessages.consumer(envelope -> Mono.fromRunnable(() -> applyOrPark(binding, envelope)));
    }

    /** Applies what waits for an event of {@code caseId}, now that one has been applied. */
    public Mono<Void> release(String caseId) {
        return Mono.fromRunnable(() -> handlers.keySet().forEach(binding -> releaseNow(binding, caseId)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** What waits for the case, oldest first: for a service that says so when asked about the case. */
    public Mono<List<ParkedMessage>> parkedFor(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("parkedAt", "_id")),
                ParkedMessage.class).collectList();
    }

    private void applyOrPark(String binding, Envelope envelope) {
        if (head(binding, envelope.caseId()) != null) {
            park(binding, envelope, ParkedMessage.BEHIND_EARLIER, envelope.type().messageName() + " " + envelope.id()
                    + " waits behind an earlier message of case " + envelope.caseId() + " that is parked");
            releaseNow(binding, envelope.caseId());
            return;
        }
        try {
            handlers.get(binding).apply(envelope).block(HANDLER_TIMEOUT);
        } catch (NotApplicableYet notYet) {
            park(binding, envelope, notYet.awaited(), notYet.getMessage());
            // the awaited event may have been applied between the attempt and the parking, finding nothing to release
            releaseNow(binding, envelope.caseId());
        }
    }

    private void park(String binding, Envelope envelope, String awaited, String reason) {
        try {
            mongo.insert(ParkedMessage.of(binding, envelope, awaited, reason, clock.instant())).block(STORE_TIMEOUT);
            parked.increment();
            log.info("{} {} of case {} parked until {} is applied: {}", envelope.type().messageName(), envelope.id(),
                    envelope.caseId(), awaited, reason);
        } catch (DuplicateKeyException redelivered) {
            // parked before and redelivered (a crash before its acknowledgement): it keeps its place
            log.debug("{} {} is parked already", envelope.type().messageName(), envelope.id());
        }
    }

    private void releaseNow(String binding, String caseId) {
        synchronized (stripes[Math.floorMod(Objects.hash(binding, caseId), STRIPES)]) {
            String earlier = MDC.get("caseId");
            MDC.put("caseId", caseId);
            try {
                ParkedMessage next;
                while ((next = head(binding, caseId)) != null && apply(next)) {
                    mongo.remove(Query.query(Criteria.where("_id").is(next.id())), ParkedMessage.class)
                            .block(STORE_TIMEOUT);
                    released.increment();
                    log.info("{} {} of case {} applied after {} parked", next.type().messageName(), next.messageId(),
                            caseId, Duration.between(next.parkedAt(), clock.instant()));
                }
            } finally {
                restore(earlier);
            }
        }
    }

    /** True when applied; false when it must wait on (what for, and why, kept with it). */
    private boolean apply(ParkedMessage message) {
        try {
            handlers.get(message.binding()).apply(message.envelope()).block(HANDLER_TIMEOUT);
            return true;
        } catch (NotApplicableYet notYet) {
            remember(message, message.tried(notYet.awaited(), notYet.getMessage()));
            return false;
        } catch (RuntimeException failed) {
            // not lost: tried again at the next sweep, and dead-lettered with this reason at the deadline
            log.warn("{} {} of case {} is parked and could not be applied: {}", message.type().messageName(),
                    message.messageId(), message.caseId(), failed.toString());
            remember(message, message.tried(message.awaited(), "applying it failed: " + failed));
            return false;
        }
    }

    /** What it waits for now, and why, kept with it: written only when that changed. */
    private void remember(ParkedMessage before, ParkedMessage now) {
        if (!now.equals(before)) {
            mongo.save(now).block(STORE_TIMEOUT);
        }
    }

    private ParkedMessage head(String binding, String caseId) {
        return mongo.findOne(Query.query(Criteria.where("binding").is(binding).and("caseId").is(caseId))
                .with(Sort.by("parkedAt", "_id")).limit(1), ParkedMessage.class).block(STORE_TIMEOUT);
    }

    /**
     * Tries again what a crash (or a failure other than a missing event) left parked, and sends to the dead-letter
     * topic the first message of a case that has waited past the deadline; the ones behind it are tried next.
     */
    @Scheduled(fixedDelayString = "${consilium.parking.sweep-interval:30s}",
            initialDelayString = "${consilium.parking.sweep-interval:30s}")
    public void sweep() {
        try {
            List<ParkedMessage> all = mongo.findAll(ParkedMessage.class).collectList().block(STORE_TIMEOUT);
            Instant now = clock.instant();
            Map<String, ParkedMessage> heads = new LinkedHashMap<>();
            all.stream().filter(m -> handlers.containsKey(m.binding()))
                    .sorted((a, b) -> a.parkedAt().equals(b.parkedAt()) ? a.id().compareTo(b.id())
                            : a.parkedAt().compareTo(b.parkedAt()))
                    .forEach(m -> heads.putIfAbsent(m.binding() + "/" + m.caseId(), m));
            waiting.set(all.size());
            oldestAge.set(heads.values().stream().mapToLong(m -> Duration.between(m.parkedAt(), now).toSeconds())
                    .max().orElse(0));
            for (ParkedMessage head : heads.values()) {
                if (head.parkedAt().plus(deadline).isBefore(now)) {
                    deadLetter(head, now);
                }
                releaseNow(head.binding(), head.caseId());
            }
        } catch (RuntimeException e) {
            log.warn("sweeping the parked messages failed; tried again in the next sweep: {}", e.toString());
        }
    }

    private void deadLetter(ParkedMessage message, Instant now) {
        String destination = bindings.destination(message.binding());
        String topic = "error." + destination + "." + bindings.group(message.binding());
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(message.envelope(), topic);
        record.headers().add("x-original-topic", destination.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-exception-fqcn", NotApplicableYet.class.getName().getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-exception-message", ("parked " + words(Duration.between(message.parkedAt(), now))
                + " waiting for " + message.awaited() + ", which did not come within " + words(deadline) + ": "
                + message.reason()).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("dead-lettering " + message.id() + " to " + topic + " failed", e);
        }
        mongo.remove(Query.query(Criteria.where("_id").is(message.id())), ParkedMessage.class).block(STORE_TIMEOUT);
        deadLettered.increment();
        log.warn("{} {} of case {} dead-lettered to {} after waiting past {} for {}: {}", message.type().messageName(),
                message.messageId(), message.caseId(), topic, deadline, message.awaited(), message.reason());
    }

    /** "45 s", "15 min", "2 h 5 min": the dead letter's reason is read by people. */
    static String words(Duration duration) {
        if (duration.toMinutes() == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toHours() == 0 ? duration.toMinutes() + " min"
                : duration.toHours() + " h" + (duration.toMinutesPart() == 0 ? "" : " " + duration.toMinutesPart() + " min");
    }

    private static void restore(String caseId) {
        if (caseId == null) {
            MDC.remove("caseId");
        } else {
            MDC.put("caseId", caseId);
        }
    }
}
