package org.consilium.mdt.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Recipient;
import org.consilium.events.Roles;
import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.review.ReviewView;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.OpsOnlyActuator;
import org.consilium.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what in mdt-scheduler (issue 6). The matrix: every endpoint against every role, where
 * the role gate refuses (403 {@code forbidden}, problem+json) each role it is not for and lets each
 * role it is for past it (whatever the endpoint then says about the case or the input), and a request
 * without a valid token is 401. Then the per-case rules on a real case: only its panel, only while
 * the review is open, each member only as themselves; and the audit trail of reads and refusals.
 */
class MdtAccessTest extends ServiceTest {
    static final List<String> ROLES = List.of("patient", "caregiver", "referrer", "coordinator", "specialist", "ops",
            "service");
    static final List<String> DESK = List.of("coordinator");
    static final List<String> PANEL = List.of("specialist");
    static final List<String> DESK_AND_PANEL = List.of("coordinator", "specialist");

    record Endpoint(HttpMethod method, String path, String body, List<String> allowed) {
    }

    /** An unknown case and invalid bodies: whoever gets past the gate is answered 400/403/404, nothing is stored. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/specialists", null, DESK_AND_PANEL),
            new Endpoint(HttpMethod.GET, "/sessions", null, DESK),
            new Endpoint(HttpMethod.GET, "/specialists/me/sessions", null, PANEL),
            new Endpoint(HttpMethod.GET, "/sessions/general-19990101T1300Z/agenda", null, DESK_AND_PANEL),
            new Endpoint(HttpMethod.GET, "/reviews/matrix-case", null, DESK_AND_PANEL),
            new Endpoint(HttpMethod.PUT, "/reviews/matrix-case/panel/radiologist", "{}", DESK),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/opinions", "{}", PANEL),
            new Endpoint(HttpMethod.GET, "/reviews/matrix-case/meeting", null, DESK_AND_PANEL),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/consensus", "{}", PANEL),
            new Endpoint(HttpMethod.GET, "/reviews/matrix-case/report", null, DESK_AND_PANEL),
            new Endpoint(HttpMethod.PUT, "/reviews/matrix-case/report", "{}", DESK),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/report/approve", "{}", DESK),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/report/release", "{}", DESK),
            new Endpoint(HttpMethod.GET, "/reviews/matrix-case/report/composition", null, DESK_AND_PANEL),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/questions", "{}", List.of("coordinator", "service",
                    "patient", "caregiver")),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/questions/q1/answer", "{}", PANEL),
            new Endpoint(HttpMethod.GET, "/reviews/matrix-case/for-patient", null, List.of("coordinator", "patient",
                    "caregiver")),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/schedule", "{}", DESK),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/guests", "{}", DESK),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/guests/guest-0/link", "{}", DESK),
            new Endpoint(HttpMethod.DELETE, "/reviews/matrix-case/guests/guest-0/link", null, DESK),
            // a guest's own door takes their link, never a bearer token, whoever holds it
            new Endpoint(HttpMethod.GET, "/reviews/matrix-case/guest", null, List.of()),
            new Endpoint(HttpMethod.POST, "/reviews/matrix-case/guest/opinion", "{}", List.of()),
            new Endpoint(HttpMethod.GET, "/cases/matrix-case/audit", null, List.of("coordinator", "ops")),
            new Endpoint(HttpMethod.DELETE, "/reviews/matrix-case", null, List.of()),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, List.of("ops")),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", null, List.of("ops")));

    @Test
    void everyEndpointRefusesEveryRoleItIsNotFor() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                Answer answer = call(endpoint, TestTokens.bearer("user-" + role, role + "@example.org", role));
                boolean refusedByRole = answer.status() == 403 && "urn:consilium:problem:forbidden".equals(answer.type());
                if (endpoint.allowed().contains(role) == refusedByRole || answer.status() == 401
                        || refusedByRole && !answer.problemJson()) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + " → " + answer);
                }
            }
        }
        assertThat(wrong).as("endpoint/role combinations answered wrongly").isEmpty();
        assertThat(storedReview("matrix-case")).isNull();
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        List<String> bad = List.of("", "Bearer not-a-jwt", "Bearer " + TestTokens.expired("kim", "coordinator", "ops"),
                "Bearer " + TestTokens.foreign("kim", "coordinator", "ops"),
                "Bearer " + TestTokens.ofAnotherClient("kim", "coordinator", "ops"));
        for (Endpoint endpoint : ENDPOINTS) {
            for (String authorization : bad) {
                Answer answer = call(endpoint, authorization);
                assertThat(answer.status()).as(endpoint.method() + " " + endpoint.path() + " with '"
                        + authorization.substring(0, Math.min(20, authorization.length())) + "'").isEqualTo(401);
                assertThat(answer.type()).isEqualTo("urn:consilium:problem:unauthorized");
            }
        }
    }

    @Test
    void healthAndApiDocsStayOpen() {
        anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
        anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    }

    @Test
    void healthDetailsAndMetricsAreForOpsOnly() {
        OpsOnlyActuator.check(anonymous());
    }

    @Test
    void onlyThePanelSeesACaseAndTheTrailKnowsWhoLookedAndWhoWasRefused() {
        String caseId = newCaseId("access");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        String member = review.panel().get(0).specialistId();
        String outsider = "dr-not-on-this-panel";

        as(member).get().uri("/reviews/{id}", caseId).exchange().expectStatus().isOk();
        as(member).get().uri("/reviews/{id}/meeting", caseId).exchange().expectStatus().isOk();
        for (String path : List.of("", "/meeting", "/report", "/report/composition")) {
            problem(as(outsider).get().uri("/reviews/{id}" + path, caseId).exchange(), HttpStatus.FORBIDDEN,
                    "not-your-case");
        }
        problem(as(outsider).post().uri("/reviews/{id}/opinions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(opinion(outsider, true)).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        // an unknown case is refused to a specialist like someone else's; staff get the 404
        problem(as(outsider).get().uri("/reviews/{id}", "no-such-case").exchange(), HttpStatus.FORBIDDEN,
                "not-your-case");
        problem(http.get().uri("/reviews/{id}", "no-such-case").exchange(), HttpStatus.NOT_FOUND, "not-found");
        // the agenda of the session shows a specialist only the cases on their panels
        assertThat(agendaCases(as(outsider), review.session().id())).doesNotContain(caseId);
        assertThat(agendaCases(as(member), review.session().id())).contains(caseId);
        assertThat(agendaCases(http, review.session().id())).contains(caseId);

        JsonNode trail = trail(caseId, "ServiceRequest/" + caseId);
        assertThat(entries(trail, member, "0", "review")).isOne();
        assertThat(entries(trail, member, "0", "meeting-view")).isOne();
        assertThat(entries(trail, member, "0", "agenda")).isOne();
        assertThat(entries(trail, outsider, "4", "review")).isOne();
        assertThat(entries(trail, outsider, "4", "meeting-view")).isOne();
        assertThat(entries(trail, outsider, "0", "agenda")).isZero();
        JsonNode refusedReport = trail(caseId, "Composition/" + caseId + "-report");
        assertThat(entries(refusedReport, outsider, "4", "report")).isOne();
        assertThat(entries(refusedReport, outsider, "4", "composition")).isOne();
        JsonNode first = trail.path("entry").get(0).path("resource");
        assertThat(first.path("resourceType").asText()).isEqualTo("AuditEvent");
        assertThat(first.path("entity").get(0).path("what").path("reference").asText()).isEqualTo("ServiceRequest/" + caseId);
        // the coordinator's looks are on the trail too
        assertThat(entries(trail, "kim.coordinator", "0", "agenda")).isOne();
        assertThat(entries(trail, "kim.coordinator", "0", "review")).isPositive();
    }

    @Test
    void aMemberGivesOnlyTheirOwnOpinionAndSignsOnlyAsThemselves() {
        String caseId = newCaseId("own-opinion");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        ReviewView.Member other = review.panel().stream().filter(m -> !m.chair()).findFirst().orElseThrow();
        Document before = storedReview(caseId);

        problem(as(other.specialistId()).post().uri("/reviews/{id}/opinions", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(opinion(chair.specialistId(), true)).exchange(),
                HttpStatus.FORBIDDEN, "not-your-opinion")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(other.specialistId())
                        .contains(chair.specialistId()));
        problem(as(other.specialistId()).post().uri("/reviews/{id}/consensus", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(consensus(chair.specialistId())).exchange(),
                HttpStatus.FORBIDDEN, "not-the-chair");
        assertUnchanged(caseId, before);

        JsonNode trail = trail(caseId, "ClinicalImpression/" + caseId + "-" + chair.specialistId());
        assertThat(entries(trail, other.specialistId(), "4", "opinion")).isOne();

        // their own opinion is taken, first submitted then changed, each on the trail
        post(caseId, "opinions", opinion(other.specialistId(), true)).expectStatus().isCreated();
        post(caseId, "opinions", opinion(other.specialistId(), false)).expectStatus().isOk();
        JsonNode own = trail(caseId, "ClinicalImpression/" + caseId + "-" + other.specialistId());
        assertThat(own.path("entry").findValuesAsText("action")).containsExactlyInAnyOrder("E", "U");
    }

    @Test
    void afterReleaseThePanelNoLongerReadsTheCaseAndEveryDecisionIsOnTheTrail() {
        String caseId = newCaseId("released");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        review.panel().forEach(m -> post(caseId, "opinions", opinion(m.specialistId(), true)).expectStatus().isCreated());
        post(caseId, "consensus", consensus(chair.specialistId())).expectStatus().isCreated();

        // while the review is open, the panel reads the draft
        as(chair.specialistId()).get().uri("/reviews/{id}/report", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DRAFT");
        as(chair.specialistId()).get().uri("/reviews/{id}/report/composition", caseId).exchange().expectStatus().isOk();

        // the token says who approves and releases; a body naming someone else is refused and on the trail
        problem(post(caseId, "report/approve", Map.of("coordinator", "ana.coordinator")), HttpStatus.FORBIDDEN,
                "not-yourself");
        post(caseId, "report/approve", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.approvedBy").isEqualTo("kim.coordinator");
        post(caseId, "report/release", Map.of("coordinator", "kim.coordinator")).expectStatus().isOk();

        for (String path : List.of("", "/meeting", "/report", "/report/composition")) {
            problem(as(chair.specialistId()).get().uri("/reviews/{id}" + path, caseId).exchange(), HttpStatus.FORBIDDEN,
                    "not-your-case");
        }
        http.get().uri("/reviews/{id}/report", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RELEASED");

        // a follow-up question (relayed by the coordinator) is still the chair's to answer, and only the chair's
        post(caseId, "questions", question("Can I travel?")).expectStatus().isCreated();
        // while it waits the chair (only the chair) reads the case again, to answer it
        as(chair.specialistId()).get().uri("/reviews/{id}", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.questions[0].question").isEqualTo("Can I travel?");
        problem(as(review.panel().stream().filter(m -> !m.chair()).findFirst().orElseThrow().specialistId()).get()
                .uri("/reviews/{id}", caseId).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        ReviewView.Member other = review.panel().stream().filter(m -> !m.chair()).findFirst().orElseThrow();
        problem(as(other.specialistId()).post().uri("/reviews/{id}/questions/q1/answer", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("chairId", other.specialistId(), "answer", "No"))
                .exchange(), HttpStatus.FORBIDDEN, "not-the-chair");
        problem(as("dr-not-on-this-panel").post().uri("/reviews/{id}/questions/q1/answer", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("chairId", "dr-not-on-this-panel", "answer",
                        "No")).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        post(caseId, "questions/q1/answer", Map.of("chairId", chair.specialistId(), "answer", "Yes"))
                .expectStatus().isOk();
        problem(as(chair.specialistId()).get().uri("/reviews/{id}", caseId).exchange(), HttpStatus.FORBIDDEN,
                "not-your-case"); // answered: closed again
        JsonNode answers = trail(caseId, "Communication/" + caseId + "-q1");
        assertThat(entries(answers, "kim.coordinator", "0", "follow-up-question")).isOne();
        assertThat(entries(answers, chair.specialistId(), "0", "follow-up-answer")).isOne();
        assertThat(entries(answers, other.specialistId(), "4", "follow-up-answer")).isOne();

        JsonNode report = trail(caseId, "Composition/" + caseId + "-report");
        assertThat(entries(report, chair.specialistId(), "0", "report")).isOne();
        assertThat(entries(report, chair.specialistId(), "0", "composition")).isOne();
        assertThat(entries(report, chair.specialistId(), "4", "report")).isOne();
        assertThat(entries(report, chair.specialistId(), "0", "consensus")).isOne();
        assertThat(entries(report, "kim.coordinator", "0", "report-approval")).isOne();
        assertThat(entries(report, "kim.coordinator", "4", "report-approval")).isOne();
        assertThat(entries(report, "kim.coordinator", "0", "report-release")).isOne();
        assertThat(entries(report, "kim.coordinator", "0", "report")).isOne();
    }

    @Test
    void thePatientAndHerCaregiverAskTheChairThemselvesAboutTheirOwnCaseOnly() {
        String caseId = newCaseId("patient-asks");
        KafkaProbe.publish(new CaseSubmitted(caseId, "colorectal", "surgery", java.time.LocalDate.of(2027, 2, 1),
                "Is surgery first the right order?", "Resection then adjuvant chemotherapy",
                new Recipient("Mary Jones", "mary@example.org", "en"), List.of("en"), "Europe/London", "GB", now(), null,
                List.of(), List.of(), null, List.of(new CaseParty(Roles.PATIENT, "mary@example.org"),
                new CaseParty(Roles.CAREGIVER, "tom@example.org"))));
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        review.panel().forEach(m -> post(caseId, "opinions", opinion(m.specialistId(), true)).expectStatus().isCreated());
        post(caseId, "consensus", consensus(chair.specialistId())).expectStatus().isCreated();
        WebTestClient mary = http.mutate().defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer("mary.j", "mary@example.org", Roles.PATIENT))).build();
        WebTestClient tom = http.mutate().defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer("tom.j", "Tom@Example.org", Roles.CAREGIVER))).build();
        WebTestClient stranger = http.mutate().defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer("eve", "eve@example.org", Roles.PATIENT))).build();
        Map<String, Object> marysQuestion = Map.of("question", "May I fly to my sister's in March?",
                "replyTo", Map.of("name", "Mary Jones", "email", "mary@example.org", "language", "en"));

        problem(stranger.post().uri("/reviews/{id}/questions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "Whose case is this?", "replyTo", Map.of("name", "Eve",
                        "email", "eve@example.org"))).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        // the chair's answer about her health goes to her, not to an address someone else typed
        problem(mary.post().uri("/reviews/{id}/questions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "May I fly?", "replyTo", Map.of("name", "Mary",
                        "email", "someone@elsewhere.example"))).exchange(), HttpStatus.FORBIDDEN, "not-yourself");
        assertThat(storedReview(caseId).getList("questions", Document.class)).isEmpty();

        mary.post().uri("/reviews/{id}/questions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(marysQuestion).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo("q1");
        tom.post().uri("/reviews/{id}/questions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "Can I help with the forms?", "replyTo", Map.of("name", "Tom Jones",
                        "email", "tom@example.org"))).exchange().expectStatus().isCreated();
        JsonNode trail = trail(caseId, "Communication/" + caseId);
        assertThat(entries(trail, "eve", "4", "follow-up-question")).isOne();
        assertThat(entries(trail, "mary.j", "4", "follow-up-question")).isOne();
        assertThat(entries(trail(caseId, "Communication/" + caseId + "-q1"), "mary.j", "0", "follow-up-question")).isOne();

        // her own window: the questions, no report before it is released, no one else's case
        problem(stranger.get().uri("/reviews/{id}/for-patient", caseId).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        mary.get().uri("/reviews/{id}/for-patient", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CONCLUDED")
                .jsonPath("$.report").doesNotExist()
                .jsonPath("$.followUpUntil").exists()
                .jsonPath("$.questions[0].question").isEqualTo("May I fly to my sister's in March?")
                .jsonPath("$.questions[0].answer").doesNotExist()
                .jsonPath("$.questions[0].replyTo").doesNotExist();
        as(chair.specialistId()).post().uri("/reviews/{id}/questions/q1/answer", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("chairId", chair.specialistId(), "answer", "Yes, after the first cycle."))
                .exchange().expectStatus().isOk();
        post(caseId, "report/approve", Map.of()).expectStatus().isOk();
        post(caseId, "report/release", Map.of()).expectStatus().isOk();
        tom.get().uri("/reviews/{id}/for-patient", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.report.version").isEqualTo(1)
                .jsonPath("$.report.releasedAt").exists()
                .jsonPath("$.report.plainLanguageSummary").exists()
                .jsonPath("$.questions[0].answer").isEqualTo("Yes, after the first cycle.")
                .jsonPath("$.questions[1].question").isEqualTo("Can I help with the forms?");
        assertThat(entries(trail(caseId, "ServiceRequest/" + caseId), "eve", "4", "patient-view")).isOne();
        assertThat(entries(trail(caseId, "ServiceRequest/" + caseId), "tom.j", "0", "patient-view")).isOne();
    }

    private WebTestClient as(String specialistId) {
        return http.mutate().defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION, specialist(specialistId))).build();
    }

    /** Without the staff token every other test carries; patient with a loaded test JVM (as notification's matrix). */
    private WebTestClient anonymous() {
        return http.mutate().defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static List<String> agendaCases(WebTestClient client, String sessionId) {
        JsonNode agenda = client.get().uri("/sessions/{id}/agenda", sessionId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return agenda.path("items").findValuesAsText("caseId");
    }

    /** The case's trail as the coordinator reads it, narrowed to one entity. */
    private JsonNode trail(String caseId, String entity) {
        return http.get().uri(b -> b.path("/cases/{id}/audit").queryParam("entity", entity).build(caseId))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** How many entries of the trail are by {@code who}, with this outcome (0 done, 4 refused) and subtype. */
    private static long entries(JsonNode bundle, String who, String outcome, String subtype) {
        List<JsonNode> found = new ArrayList<>();
        bundle.path("entry").forEach(e -> {
            JsonNode event = e.path("resource");
            if (who.equals(event.path("agent").get(0).path("who").path("identifier").path("value").asText())
                    && outcome.equals(event.path("outcome").asText())
                    && subtype.equals(event.path("subtype").get(0).path("code").asText())) {
                found.add(event);
            }
        });
        return found.size();
    }

    record Answer(int status, String type, boolean problemJson) {
    }

    private Answer call(Endpoint endpoint, String authorization) {
        WebTestClient.RequestBodySpec request = anonymous().method(endpoint.method()).uri(endpoint.path())
                .headers(h -> {
                    if (!authorization.isEmpty()) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = endpoint.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body());
        EntityExchangeResult<byte[]> result;
        try {
            result = ready.exchange().expectBody().returnResult();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(endpoint.method() + " " + endpoint.path() + " with " + authorization.length()
                    + "-char authorization: " + e.getMessage(), e);
        }
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        MediaType type = result.getResponseHeaders().getContentType();
        String problemType = null;
        if (type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            int at = body.indexOf("\"type\":\"");
            problemType = at < 0 ? null : body.substring(at + 8, body.indexOf('"', at + 8));
        }
        return new Answer(result.getStatus().value(), problemType,
                type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
