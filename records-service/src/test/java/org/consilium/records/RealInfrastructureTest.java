package org.consilium.records;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RequestRecords;
import org.consilium.events.Topics;
import org.consilium.events.Urgency;
import org.consilium.records.collection.RecordDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.consilium.support.testing.RealInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The records flow against a real MongoDB (real GridFS) and a real Kafka broker. Runs where
 * Docker is available; JUnit reports it as skipped (disabledWithoutDocker) where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
// about the stores, not the tokens: RecordsAccessTest covers those against the embedded infrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "consilium.security.enabled=false")
class RealInfrastructureTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "consilium-records");
    }

    @Autowired
    WebTestClient http;

    @Test
    void collectsTheRecordsOfACaseOnRealMongoDbAndKafka() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        publish(Envelope.of(new RequestRecords(caseId, "breast", Urgency.ROUTINE, Instant.now()),
                UUID.randomUUID().toString(), "/consilium/test", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/cases/{caseId}/records", caseId).exchange().expectStatus().isOk());

        byte[] scan = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(scan);
        RecordDocument large = upload(caseId, "mammogram-ultrasound", scan);
        for (String item : List.of("first-opinion", "current-medications", "pathology-report")) {
            upload(caseId, item, ("%PDF-1.4 " + item).getBytes(StandardCharsets.UTF_8));
        }

        byte[] downloaded = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(-1)).build()
                .get().uri("/cases/{caseId}/documents/{id}", caseId, large.id()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded)))
                .isEqualTo(large.sha256());

        List<Envelope> completed = await().atMost(Duration.ofSeconds(60))
                .until(() -> published(MessageType.RECORDS_COMPLETED, caseId), l -> !l.isEmpty());
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).payload(RecordsCompleted.class).documentCount()).isEqualTo(4);
    }

    private RecordDocument upload(String caseId, String item, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", item);
        body.part("file", content).filename(item + ".bin").contentType(MediaType.APPLICATION_OCTET_STREAM);
        return http.post().uri("/cases/{caseId}/documents", caseId)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
    }

    private static void publish(Envelope envelope) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (var record : CloudEventCodec.toRecords(envelope)) {
                producer.send(record).get();
            }
        }
    }

    private static List<Envelope> published(MessageType type, String caseId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.RECORDS_EVENTS));
            List<Envelope> found = new ArrayList<>();
            consumer.poll(Duration.ofSeconds(5)).forEach(r -> {
                Envelope e = CloudEventCodec.read(r.headers(), r.value());
                if (e.type() == type && e.caseId().equals(caseId)) {
                    found.add(e);
                }
            });
            return found;
        }
    }
}
