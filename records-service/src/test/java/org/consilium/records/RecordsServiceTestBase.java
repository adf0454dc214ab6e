package org.consilium.records;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.bson.Document;
import org.consilium.events.Envelope;
import org.consilium.events.RequestRecords;
import org.consilium.events.Roles;
import org.consilium.events.Urgency;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every service test (same configuration, so Spring's test context
 * cache reuses it): the real app against the embedded Kafka broker and mongo-java-server. The
 * document limit is 64 MB here so that a 60 MB round trip and a "too large" upload both fit; archives
 * may have 50 entries and expand to 8 MB, so that every archive limit is reached with small files.
 * Intake attachments come from {@link IntakeAttachmentServer}; what stays PENDING is retried every second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consilium.records.max-document-size=64MB", "consilium.metrics.refresh=500ms",
        "consilium.records.archive.max-entries=50", "consilium.records.archive.max-uncompressed-size=8MB",
        "consilium.records.intake.sweep=1s", "consilium.records.intake.max-attempts=4"})
@AutoConfigureObservability(tracing = false) // the Prometheus registry, for the business metrics
public abstract class RecordsServiceTestBase {
    protected static final long LIMIT = 64L * 1024 * 1024;

    /** The key upload links are signed with in tests (production reads RECORDS_LINK_SECRET). */
    protected static final String LINK_SECRET = "records-test-link-secret-0123456789abcdef";

    /** A coordinator who is also an operator: every endpoint passes (RecordsAccessTest has the rules). */
    protected static final String STAFF = TestTokens.bearer("coordinator.lee", "lee@consilium.example",
            Roles.COORDINATOR, Roles.OPS);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "consilium-records-test");
        TestTokens.register(registry);
        registry.add("consilium.records.intake.url", IntakeAttachmentServer::url);
        registry.add("consilium.records.upload-links.secret", () -> LINK_SECRET);
        // records→intake calls get their token from TestTokens' client-credentials grant
        registry.add("spring.security.oauth2.client.provider.consilium.token-uri", TestTokens::tokenUri);
        registry.add("spring.security.oauth2.client.registration.consilium-services.client-secret",
                () -> TestTokens.SERVICE_SECRET);
    }

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @LocalServerPort
    protected int port;

    /** As {@link #STAFF}. */
    protected WebTestClient http;
    /** Without a token: a test adds its own. */
    protected WebTestClient anonymous;

    @Autowired
    void client(WebTestClient client) {
        this.anonymous = client.mutate().responseTimeout(Duration.ofMinutes(2)).build();
        this.http = anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, STAFF).build();
    }

    /** A ZIP archive of these entries, in their iteration order. */
    protected static byte[] zip(java.util.Map<String, byte[]> entries) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (java.util.Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    protected static String newCaseId() {
        return "case-" + UUID.randomUUID();
    }

    /** Publishes RequestRecords as the process would and waits until the checklist exists. */
    protected Envelope requestRecords(String caseId, String cancerType) {
        return requestRecords(caseId, cancerType, Urgency.ROUTINE);
    }

    protected Envelope requestRecords(String caseId, String cancerType, Urgency urgency) {
        Envelope sent = KafkaProbe.publish(new RequestRecords(caseId, cancerType, urgency,
                Instant.now().plus(Duration.ofDays(5))));
        awaitRecords(caseId);
        return sent;
    }

    protected void awaitRecords(String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseDocument(caseId) != null);
    }

    protected Document caseDocument(String caseId) {
        return mongo.findById(caseId, Document.class, "caseRecords").block();
    }

    protected List<String> appliedEvents(String caseId) {
        return caseDocument(caseId).getList("appliedEvents", String.class);
    }

    protected long count(String collection) {
        return mongo.count(new Query(), collection).block();
    }

    protected WebTestClient.ResponseSpec upload(String caseId, String item, String filename, String contentType,
                                                byte[] content) {
        return upload(caseId, item, null, filename, contentType, content);
    }

    /** Parts in the documented order: {@code item}, {@code documentDate} (when given), {@code file}. */
    protected WebTestClient.ResponseSpec upload(String caseId, String item, String documentDate, String filename,
                                                String contentType, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        if (item != null) {
            body.part("item", item);
        }
        if (documentDate != null) {
            body.part("documentDate", documentDate);
        }
        if (content != null) {
            body.part("file", content).filename(filename).contentType(MediaType.parseMediaType(contentType));
        }
        return http.post().uri("/cases/{caseId}/documents", caseId)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    /**
     * Uploads a generated file without ever holding it: sent chunked, so without Content-Length.
     * A plain WebClient, because WebTestClient records every body it sends and receives.
     */
    protected Reply uploadGenerated(String caseId, String item, String filename, long size) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", item);
        body.asyncPart("file", generated(size), DataBuffer.class).filename(filename)
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        return web().post().uri("/cases/{caseId}/documents", caseId)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchangeToMono(response -> response.toEntity(String.class))
                .map(entity -> new Reply(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody()))
                .block(Duration.ofMinutes(2));
    }

    protected WebClient web() {
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, STAFF).build();
    }

    protected static Reply reply(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<String> result = response.expectBody(String.class).returnResult();
        return new Reply(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /** A response as status, headers and body text, however it was obtained. */
    protected record Reply(int status, HttpHeaders headers, String body) {
        <T> T json(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not a " + type.getSimpleName() + ": " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final int BLOCK = 64 * 1024;

    /** Deterministic pseudo-random bytes, generated block by block. */
    protected static Flux<DataBuffer> generated(long size) {
        return Flux.generate(() -> 0L, (offset, sink) -> {
            if (offset >= size) {
                sink.complete();
                return offset;
            }
            byte[] block = block(offset, (int) Math.min(BLOCK, size - offset));
            sink.next(DefaultDataBufferFactory.sharedInstance.wrap(block));
            return offset + block.length;
        });
    }

    protected static String generatedSha256(long size) {
        MessageDigest sha256 = sha256();
        for (long offset = 0; offset < size; offset += BLOCK) {
            sha256.update(block(offset, (int) Math.min(BLOCK, size - offset)));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] block(long offset, int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(offset).nextBytes(bytes);
        return bytes;
    }

    /** Reads a streamed body, hashing it buffer by buffer; returns {size, sha256}. */
    protected static String[] digest(Flux<DataBuffer> body) {
        MessageDigest sha256 = sha256();
        Long size = body.map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            sha256.update(bytes);
            return (long) bytes.length;
        }).reduce(0L, Long::sum).block(Duration.ofMinutes(2));
        return new String[] {String.valueOf(size), HexFormat.of().formatHex(sha256.digest())};
    }

    protected static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
