package org.consilium.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;
import org.consilium.events.SendNotification;
import org.consilium.events.Topics;
import org.consilium.notification.delivery.DeliveryRepository;
import org.consilium.notification.delivery.DeliveryState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exactly-once path against a real MongoDB (unique _id, optimistic locking) and a real Kafka
 * broker. Its own broker keeps this context's consumer group apart from the embedded one's.
 * Skipped, and reported as skipped, where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class RealMongoAndKafkaTest {
    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");

    static final int SMTP_PORT = Smtp.freePort();
    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> mongo.getReplicaSetUrl("consilium-notification"));
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    DeliveryRepository deliveries;

    @Test
    void aCommandDeliveredTwiceSendsOneEmailAndPublishesOneEvent() {
        String caseId = ServiceTest.newCaseId();
        Envelope report = ServiceTest.command(new DeliverReport(caseId, ServiceTest.recipient(caseId, "en"),
                "Surgery first?", "Surgery first",
                new ReportContent(true, "Surgery first", "The panel agrees with your team.", null, List.of(), "Dr Tan")));
        Envelope marker = ServiceTest.command(new SendNotification(caseId, ServiceTest.recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of()));
        publish(report, report, marker);

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.findById(marker.id()).blockOptional()
                .filter(d -> d.state() == DeliveryState.SENT).isPresent());
        assertThat(deliveries.findById(report.id()).block().state()).isEqualTo(DeliveryState.SENT);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(2);
        List<Envelope> delivered = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> events(caseId), events -> events.size() >= 2);
        assertThat(delivered).filteredOn(e -> e.type() == MessageType.REPORT_DELIVERED)
                .singleElement().satisfies(e -> assertThat(e.payload(ReportDelivered.class).commandId()).isEqualTo(report.id()));
    }

    private static void publish(Envelope... envelopes) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.getBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (Envelope envelope : envelopes) {
                for (ProducerRecord<String, byte[]> record : CloudEventCodec.toRecords(envelope)) {
                    producer.send(record);
                }
            }
            producer.flush();
        }
    }

    private static List<Envelope> events(String caseId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Envelope> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(CloudEventCodec.read(r.headers(), r.value())));
            }
            return events.stream().filter(e -> e.caseId().equals(caseId)).toList();
        }
    }
}
