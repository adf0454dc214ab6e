package org.consilium.mdt;

import org.bson.Document;
import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.mdt.review.ReviewView;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the module's service tests: the app against the embedded Kafka broker
 * and mongo-java-server. Every test uses its own case ids, so tests share the store safely.
 * <p>The app runs on {@link #CLOCK}: which board session a case can go on depends on the weekday and
 * the hour, so a test that ran on the real clock passed or failed by the calendar (issue 11).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.mdt.metrics-refresh=300ms", "consilium.outbox.poll-interval=100ms",
                "consilium.mdt.guest-links.secret=" + ServiceTest.LINK_SECRET})
@Import(ServiceTest.FixedCalendar.class)
@AutoConfigureObservability(metrics = false) // tracing on, as in production (ReviewTraceTest)
public abstract class ServiceTest {

    /**
     * A Sunday, 03:30 UTC: the hour CI first turned red (a thoracic board session on Monday within an
     * urgent case's clock, but no quorum for it, so ad-hoc sessions are made). The clock ticks from
     * there, so waits and expiries behave as on the real clock.
     */
    /** The key guest links are signed with in tests (production reads MDT_LINK_SECRET). */
    public static final String LINK_SECRET = "mdt-test-guest-link-key-of-32-bytes-or-more";

    public static final Instant START = Instant.parse("2026-12-06T03:30:00Z");
    public static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedCalendar {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    /** Now, on the app's clock. */
    protected static Instant now() {
        return CLOCK.instant();
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "consilium-mdt-test");
        TestTokens.register(registry);
    }

    /** A coordinator who is also an operator: the desk and the metrics (MdtAccessTest has the rules). */
    protected static final String STAFF = TestTokens.bearer("kim.coordinator", "kim@consilium.example", "coordinator",
            "ops");

    protected WebTestClient http;

    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, STAFF).build();
    }

    /** A panel member's token: the directory id is the token's {@code preferred_username}. */
    protected static String specialist(String specialistId) {
        return TestTokens.bearer(specialistId, specialistId + "@consilium.example", "specialist");
    }

    @Autowired
    protected ReactiveMongoTemplate mongo;

    /**
     * Every test's reviews fall in the same weeks of the fixed clock, and each one books its panel into the
     * specialists' weekly capacity (5–8 cases each): left in place, a later test's panel cannot be seated and its
     * case becomes a panel gap, as it would for real. Each test starts from weeks nobody booked.
     */
    @org.junit.jupiter.api.AfterEach
    void freeTheWeeks() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "reviews").block();
    }

    protected static String newCaseId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The urgent lung example of the brief: Jakarta (Indonesia), Bahasa Indonesia and English; triage adds a pulmonologist. */
    protected static ScheduleReview lungCase(String caseId) {
        return lungCase(caseId, null);
    }

    protected static ScheduleReview lungCase(String caseId, String treatingInstitution) {
        return new ScheduleReview(caseId, "lung", Urgency.URGENT,
                List.of("thoracic-surgeon", "medical-oncologist", "radiation-oncologist", "radiologist", "pathologist",
                        "pulmonologist"),
                List.of("id", "en"), "Asia/Jakarta",
                "Should I have chemotherapy or immunotherapy before the operation instead?",
                "Lobectomy then adjuvant chemotherapy", "ID", treatingInstitution);
    }

    /** A small panel, for tests about opinions and consensus. */
    protected static ScheduleReview smallCase(String caseId) {
        return new ScheduleReview(caseId, "colorectal", Urgency.EXPEDITED,
                List.of("medical-oncologist", "pathologist", "colorectal-surgeon"), List.of("en"), "Europe/London",
                "Is surgery first the right order?", "Resection then adjuvant chemotherapy", "GB", null);
    }

    /**
     * A routine case for tests about something other than the panel, on the general board with two
     * disciplines no other test asks for (gastroenterologist, interventional radiologist): every test
     * shares the directory's weekly capacity and the boards' seats, and the other tests' panels fill
     * them (pathologists and colorectal surgeons run out within the suite's week).
     */
    protected static ScheduleReview lightCase(String caseId, String questionForPanel, String firstOpinion) {
        return new ScheduleReview(caseId, "neuroendocrine", Urgency.ROUTINE,
                List.of("gastroenterologist", "interventional-radiologist"), List.of("en"), "Europe/London",
                questionForPanel, firstOpinion, "GB", null);
    }

    protected ReviewView awaitReview(String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/reviews/{id}", caseId).exchange()
                .returnResult(ReviewView.class), r -> r.getStatus() == HttpStatus.OK).getResponseBody().blockFirst();
    }

    protected Document storedReview(String caseId) {
        return mongo.findById(caseId, Document.class, "reviews").block();
    }

    /** Waits until the review applied the command with this id (commands of a case are consumed in order). */
    protected Document awaitApplied(String caseId, String commandId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> storedReview(caseId),
                d -> d != null && d.getList("appliedEvents", String.class).contains(commandId));
    }

    /** A follow-up question as the coordinator relays it, with who gets the answer. */
    protected static Map<String, Object> question(String text) {
        return Map.of("question", text, "replyTo", Map.of("name", "Siti Rahman", "email", "siti@example.org",
                "language", "id"));
    }

    protected static Map<String, Object> opinion(String specialistId, boolean agrees) {
        return Map.of("specialistId", specialistId, "recommendation", agrees ? "Proceed as planned" : "Treat first",
                "agreesWithFirstOpinion", agrees, "confidence", "MEDIUM");
    }

    protected static Map<String, Object> consensus(String chairId) {
        return Map.of("chairId", chairId, "confirmsFirstOpinion", true, "recommendation", "Proceed as planned",
                "plainLanguageSummary", "The panel agrees with your doctors' plan.");
    }

    protected WebTestClient.ResponseSpec put(String caseId, String what, Map<String, ?> body) {
        return http.put().uri("/reviews/{id}/" + what, caseId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /**
     * As the one who acts: a member's opinion as that member, the chair's consensus or answer as the
     * chair named in the body, anything else as the coordinator.
     */
    protected WebTestClient.ResponseSpec post(String caseId, String what, Map<String, ?> body) {
        Object actor = body.containsKey("specialistId") ? body.get("specialistId") : body.get("chairId");
        boolean members = what.equals("opinions") || what.equals("consensus") || what.endsWith("/answer");
        String token = actor != null ? specialist(actor.toString()) : members ? specialist("dr-unnamed") : STAFF;
        return http.post().uri("/reviews/{id}/" + what, caseId).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status, String slug) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:" + slug)
                .jsonPath("$.status").isEqualTo(status.value());
    }

    /**
     * A refused request stored nothing: same state, and no outbox entry that was not there before
     * (the relay removes entries meanwhile, and each removal bumps the version, so neither is compared).
     */
    protected void assertUnchanged(String caseId, Document before) {
        Document after = storedReview(caseId);
        for (String field : List.of("status", "panel", "uncovered", "uncoveredDisciplines", "swaps", "opinions",
                "consensus", "questions", "appliedEvents", "cancelledAt", "report")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(eventIds(after)).isSubsetOf(eventIds(before));
    }

    private static List<String> eventIds(Document review) {
        return review.getList("outbox", Document.class, List.of()).stream().map(e -> e.getString("eventId")).toList();
    }
}
