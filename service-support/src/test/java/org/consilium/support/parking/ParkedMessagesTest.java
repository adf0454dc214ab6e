package org.consilium.support.parking;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.DeadLetterHeaders;
import org.consilium.events.Envelope;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parking against the real store and broker: a message that cannot be applied yet waits in the store, the case's
 * later messages wait behind it, other cases go on, and what never becomes applicable reaches the dead-letter topic
 * with its reason. The handler is a small idempotent one: it applies a withdrawal only for a case it knows, unless
 * the withdrawal's reason says it needs nothing.
 */
@SpringBootTest(properties = {"spring.cloud.function.definition=", "consilium.outbox.collections=",
        "spring.cloud.stream.bindings.widgets-in-0.destination=consilium.case.events",
        "spring.cloud.stream.bindings.widgets-in-0.group=parking-test",
        // swept by hand below, so nothing is released behind a test's back
        "consilium.parking.sweep-interval=1h", "consilium.parking.deadline=1s"})
class ParkedMessagesTest {
    private static final String BINDING = "widgets-in-0";
    private static final String NEEDS_NOTHING = "needs nothing";

    @SpringBootApplication
    static class App {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "parking-test");
    }

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ParkedMessages parking;

    private Consumer<Message<byte[]>> consumer() {
        return parking.consumer(BINDING, envelope -> mongo.exists(Query.query(Criteria.where("_id").is(envelope.caseId())),
                        "knownCases")
                .flatMap(known -> known || envelope.payload(CaseWithdrawn.class).reason().equals(NEEDS_NOTHING)
                        ? mongo.save(new Document("_id", envelope.id()).append("caseId", envelope.caseId())
                        .append("at", System.nanoTime()), "applied").then()
                        : Mono.error(new NotApplicableYet("CaseSubmitted", "case " + envelope.caseId() + " unknown"))));
    }

    @Test
    void aMessageThatCannotBeAppliedYetWaitsWithTheCasesLaterOnesBehindItAndOthersGoOn() {
        Consumer<Message<byte[]>> consumer = consumer();
        String waiting = "case-" + UUID.randomUUID();
        String other = "case-" + UUID.randomUUID();
        known(other);

        Envelope first = withdrawal(waiting, "a reason only the patient gives");
        Envelope second = withdrawal(waiting, NEEDS_NOTHING);
        consumer.accept(message(first));
        consumer.accept(message(second));
        Envelope unrelated = withdrawal(other, "another case");
        consumer.accept(message(unrelated));

        assertThat(applied(unrelated)).as("another case is not held back").isNotNull();
        assertThat(applied(first)).isNull();
        assertThat(applied(second)).as("applicable, but behind an earlier message of its case").isNull();
        List<ParkedMessage> parked = parking.parkedFor(waiting).block();
        assertThat(parked).extracting(ParkedMessage::messageId).containsExactly(first.id(), second.id());
        assertThat(parked.get(0).awaited()).isEqualTo("CaseSubmitted");
        assertThat(parked.get(1).awaited()).isEqualTo(ParkedMessage.BEHIND_EARLIER);
        Document raw = mongo.findById(BINDING + "/" + first.id(), Document.class, "parkedMessages").block();
        assertThat(raw.getString("payload")).as("sealed at rest").doesNotContain("only the patient");

        // redelivered (a crash before the acknowledgement): parked once, in its place
        consumer.accept(message(first));
        assertThat(parking.parkedFor(waiting).block()).extracting(ParkedMessage::messageId)
                .containsExactly(first.id(), second.id());

        known(waiting);
        parking.release(waiting).block(Duration.ofSeconds(30));
        assertThat(parking.parkedFor(waiting).block()).isEmpty();
        assertThat(applied(first).getLong("at")).as("in the order they came").isLessThan(applied(second).getLong("at"));
    }

    @Test
    void aMessageWhoseEventNeverComesIsDeadLetteredWithTheReasonAtTheDeadline() {
        Consumer<Message<byte[]>> consumer = consumer();
        String orphan = "case-" + UUID.randomUUID();
        Envelope waiting = withdrawal(orphan, "waits for ever");
        consumer.accept(message(waiting));
        parking.sweep();
        assertThat(parking.parkedFor(orphan).block()).as("within the deadline it waits").hasSize(1);

        // past the deadline (1 s here), a sweep sends it to the dead-letter topic
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            parking.sweep();
            return parking.parkedFor(orphan).block().isEmpty();
        });
        String topic = "error.consilium.case.events.parking-test";
        ConsumerRecord<String, byte[]> letter = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.records(topic)
                .stream().filter(r -> orphan.equals(r.key())).findFirst().orElse(null), r -> r != null);
        assertThat(CloudEventCodec.read(letter.headers(), letter.value()).id()).isEqualTo(waiting.id());
        assertThat(header(letter, "x-original-topic")).isEqualTo("consilium.case.events");
        assertThat(DeadLetterHeaders.isDeadLetterTopic(topic)).isTrue();
        assertThat(header(letter, "x-exception-message")).contains("waiting for CaseSubmitted, which did not come within 1 s")
                .contains("case " + orphan + " unknown");
        assertThat(applied(waiting)).isNull();
    }

    @Test
    void howLongItWaitedIsSaidInWords() {
        assertThat(ParkedMessages.words(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(ParkedMessages.words(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(ParkedMessages.words(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(ParkedMessages.words(Duration.ofHours(3))).isEqualTo("3 h");
    }

    private void known(String caseId) {
        mongo.save(new Document("_id", caseId), "knownCases").block();
    }

    private Document applied(Envelope envelope) {
        return mongo.findById(envelope.id(), Document.class, "applied").block();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Envelope withdrawal(String caseId, String reason) {
        return Envelope.of(new CaseWithdrawn(caseId, reason, Instant.now()), UUID.randomUUID().toString(),
                "urn:consilium:test", Instant.now());
    }

    private static Message<byte[]> message(Envelope envelope) {
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(envelope, "consilium.case.events");
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), header.value()));
        return MessageBuilder.withPayload(record.value()).copyHeaders(headers).build();
    }
}
