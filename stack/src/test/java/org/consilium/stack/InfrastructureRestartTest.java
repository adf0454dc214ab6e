package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.consilium.events.Topics;
import org.consilium.stack.engine.EnginePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The infrastructure half of the stack on a port offset (beside a developer's own stack): Kafka, MongoDB, the
 * engine's PostgreSQL and mail work, and what was written to them is still there after a stop and a start on the same
 * data dir.
 */
class InfrastructureRestartTest {

    private static final int OFFSET = 21000;
    private static final StackPorts PORTS = new StackPorts(OFFSET);
    private static final String CASE_ID = "case-4711";

    @TempDir
    Path dataDir;

    @Test
    void infrastructureWorksAndKeepsItsStateAcrossARestart() throws Exception {
        try (ConfigurableApplicationContext stack = startInfrastructure()) {
            assertThat(topicPartitions()).containsOnlyKeys(Topics.ALL).allSatisfy((topic, partitions) ->
                    assertThat(partitions).as(topic).isEqualTo(Topics.partitions(topic)));
            produce(CASE_ID, "CaseSubmitted");
            assertThat(consumeFromBeginning("first-reader")).contains(CASE_ID + "=CaseSubmitted");
            try (MongoClient mongo = mongo()) {
                cases(mongo).insertOne(new Document("_id", CASE_ID).append("stage", "intake"));
                assertThat(cases(mongo).find(Filters.eq("_id", CASE_ID)).first()).containsEntry("stage", "intake");
            }
            try (Connection engine = engineDatabase(); Statement sql = engine.createStatement()) {
                sql.execute("CREATE TABLE act_ru_execution (business_key_ VARCHAR(255))");
                sql.execute("INSERT INTO act_ru_execution VALUES ('" + CASE_ID + "')");
            }
            sendMail("coordinator@consilium.test", "Case " + CASE_ID + " submitted");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(mailApi("/api/user/coordinator@consilium.test/messages/"))
                            .contains("Case " + CASE_ID + " submitted"));
        }

        assertThat(dataDir.resolve("engine-postgres").resolve("postmaster.pid"))
                .as("the engine's PostgreSQL stopped with the stack").doesNotExist();

        try (ConfigurableApplicationContext stack = startInfrastructure()) {
            assertThat(consumeFromBeginning("second-reader")).contains(CASE_ID + "=CaseSubmitted");
            try (Connection engine = engineDatabase(); Statement sql = engine.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT business_key_ FROM act_ru_execution")) {
                assertThat(rows.next()).as("the engine's row after the restart").isTrue();
                assertThat(rows.getString(1)).isEqualTo(CASE_ID);
            }
            assertThat(committedOffset("first-reader")).as("committed position of first-reader").isPositive();
            try (MongoClient mongo = mongo()) {
                assertThat(cases(mongo).find(Filters.eq("_id", CASE_ID)).first()).containsEntry("stage", "intake");
            }
        }
    }

    private ConfigurableApplicationContext startInfrastructure() {
        return new SpringApplicationBuilder(ConsiliumStack.class).run(
                "--consilium.stack.data-dir=" + dataDir,
                "--consilium.stack.port-offset=" + OFFSET,
                "--consilium.stack.services=");
    }

    /** As bpmn logs in: the role {@code engine} with the password the stack keeps under the data dir. */
    private Connection engineDatabase() throws Exception {
        String password = Files.readString(dataDir.resolve("secrets").resolve("engine_db_password")).trim();
        return DriverManager.getConnection(EnginePostgres.jdbcUrl(PORTS.enginePostgres()), EnginePostgres.USER, password);
    }

    private Map<String, Integer> topicPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<String, Integer> partitions = new HashMap<>();
            topics.forEach((name, description) -> partitions.put(name, description.partitions().size()));
            return partitions;
        }
    }

    private long committedOffset(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(Topics.CASE_EVENTS))
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }

    private void produce(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the start until our record shows up, then commits the position. */
    private List<String> consumeFromBeginning(String group) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return seen.contains(CASE_ID + "=CaseSubmitted");
            });
            consumer.commitSync();
        }
        return seen;
    }

    private MongoClient mongo() {
        return MongoClients.create("mongodb://localhost:" + PORTS.mongo());
    }

    private MongoCollection<Document> cases(MongoClient mongo) {
        return mongo.getDatabase("consilium-stack-test").getCollection("cases");
    }

    private void sendMail(String to, String subject) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "localhost");
        smtp.put("mail.smtp.port", String.valueOf(PORTS.smtp()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@consilium.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("A new case is waiting for triage.");
        Transport.send(message);
    }

    private String mailApi(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORTS.mailApi() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String bootstrap() {
        return "localhost:" + PORTS.kafka();
    }
}
