package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.MessageType;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.OpsOnlyActuator;
import org.consilium.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of every endpoint of intake (each role against each endpoint: refused at
 * the gate with 403 {@code forbidden}, refused by the case with 403 {@code not-your-case}, or let
 * through), 401 for a missing, garbage, expired or foreign token, and the per-case rules: whose case
 * a patient, caregiver, referrer, specialist or operator may see, who may submit whose intake, and
 * who may decide consent.
 */
class IntakeAccessTest extends IntakeContextTest {
    static final List<String> ROLES = List.of("patient", "caregiver", "referrer", "coordinator", "specialist", "ops",
            "service");

    enum Outcome { PASS, FORBIDDEN, NOT_YOURS }

    record Endpoint(HttpMethod method, String path, String body, Map<String, Outcome> outcomes) {
        Outcome expected(String role) {
            return outcomes.getOrDefault(role, Outcome.FORBIDDEN);
        }
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    /**
     * Every endpoint, against one case whose patient, caregiver and treating doctor (consented to be
     * contacted) are the matrix tokens' e-mails {@code <role>@example.org}.
     */
    List<Endpoint> endpoints(String caseId) {
        String mine = Intakes.lung("patient@example.org", "caregiver@example.org", "referrer@example.org");
        Map<String, Outcome> submitters = Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS,
                "referrer", Outcome.PASS, "coordinator", Outcome.PASS);
        Map<String, Outcome> audience = Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS,
                "referrer", Outcome.PASS, "coordinator", Outcome.PASS, "service", Outcome.PASS,
                "specialist", Outcome.NOT_YOURS, "ops", Outcome.NOT_YOURS);
        Map<String, Outcome> patientSide = Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS,
                "coordinator", Outcome.PASS);
        Map<String, Outcome> everyone = Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS,
                "referrer", Outcome.PASS, "coordinator", Outcome.PASS, "service", Outcome.PASS,
                "specialist", Outcome.PASS, "ops", Outcome.PASS);
        return List.of(
                new Endpoint(HttpMethod.POST, "/cases", mine, submitters),
                // an empty Bundle is refused (400) once past the gate: the matrix need not run the validator
                new Endpoint(HttpMethod.POST, "/fhir", "{}", submitters),
                new Endpoint(HttpMethod.GET, "/cases/" + caseId, null, audience),
                new Endpoint(HttpMethod.GET, "/cases/" + caseId + "/$export", null, audience),
                new Endpoint(HttpMethod.GET, "/fhir/ServiceRequest/" + caseId, null, audience),
                new Endpoint(HttpMethod.GET, "/questionnaire", null, everyone),
                new Endpoint(HttpMethod.GET, "/cases/" + caseId + "/attachments/0123456789abcdef01234567", null,
                        Map.of("service", Outcome.PASS, "coordinator", Outcome.PASS)),
                new Endpoint(HttpMethod.POST, "/cases/" + caseId + "/consent",
                        "{\"purpose\": \"CROSS_BORDER_TRANSFER\", \"granted\": true}", patientSide),
                // the case was submitted complete: past the gate, the patient's answers are a 409
                new Endpoint(HttpMethod.POST, "/cases/" + caseId + "/questionnaire", RealHospitalFhirTest.ANSWERS,
                        patientSide),
                new Endpoint(HttpMethod.GET, "/cases?stage=AWAITING_PATIENT", null, Map.of("coordinator", Outcome.PASS)),
                new Endpoint(HttpMethod.GET, "/cases/mine", null, Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS)),
                // an unfinished request is its writer's own: the patient's side only, each their own (DraftsTest)
                new Endpoint(HttpMethod.PUT, "/drafts/mine", "{\"step\": \"who\", \"answers\": {\"patient.age\": [\"58\"]}}",
                        Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS)),
                new Endpoint(HttpMethod.GET, "/drafts/mine", null, Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS)),
                new Endpoint(HttpMethod.DELETE, "/drafts/mine", null, Map.of("patient", Outcome.PASS, "caregiver", Outcome.PASS)),
                new Endpoint(HttpMethod.GET, "/cases/" + caseId + "/audit", null,
                        Map.of("coordinator", Outcome.PASS, "ops", Outcome.PASS)),
                new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, Map.of("ops", Outcome.PASS)),
                // last: the first role let through withdraws the case, the others then get 409 (past the gate)
                new Endpoint(HttpMethod.POST, "/cases/" + caseId + "/withdraw", "{\"reason\": \"matrix\"}", patientSide));
    }

    @Test
    void everyEndpointRefusesEveryRoleItIsNotFor() {
        String caseId = submitAsStaff(Intakes.lung("patient@example.org", "caregiver@example.org",
                "referrer@example.org"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints(caseId)) {
            for (String role : ROLES) {
                EntityExchangeResult<byte[]> result = call(endpoint,
                        TestTokens.bearer("user-" + role + "-" + run, role + "@example.org", role));
                Outcome actual = outcome(result);
                if (actual != endpoint.expected(role)) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + " → "
                            + result.getStatus().value() + " " + actual + ", expected " + endpoint.expected(role));
                } else if (actual != Outcome.PASS && !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                        result.getResponseHeaders().getContentType())) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": refusal is not problem+json");
                }
            }
        }
        assertThat(wrong).as("endpoint/role combinations answered wrongly").isEmpty();
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        List<String> bad = List.of("", "Bearer not-a-jwt", "Bearer " + TestTokens.expired("kim", "coordinator"),
                "Bearer " + TestTokens.foreign("kim", "coordinator"));
        for (Endpoint endpoint : endpoints("case-any")) {
            for (String authorization : bad) {
                EntityExchangeResult<byte[]> result = call(endpoint, authorization);
                assertThat(result.getStatus().value()).as(endpoint.method() + " " + endpoint.path() + " with '"
                        + authorization.substring(0, Math.min(20, authorization.length())) + "'").isEqualTo(401);
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    @Test
    void healthAndApiDocsStayOpen() {
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
        anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    }

    @Test
    void healthDetailsAndMetricsAreForOpsOnly() {
        OpsOnlyActuator.check(anonymous);
    }

    @Test
    void aPatientCannotSeeAnotherPatientsCase() {
        String a = "pat-a-" + UUID.randomUUID() + "@example.org";
        String b = "pat-b-" + UUID.randomUUID() + "@example.org";
        WebTestClient patientA = as("pat-a", a, "patient");
        WebTestClient patientB = as("pat-b", b, "patient");
        String caseOfA = submit(patientA, Intakes.lung(a, "carer-" + a, "doc-" + a));
        String caseOfB = submit(patientB, Intakes.lung(b, "carer-" + b, "doc-" + b));

        patientA.get().uri("/cases/{id}", caseOfA).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.caseId").isEqualTo(caseOfA);
        for (String path : List.of("/cases/{id}", "/cases/{id}/$export", "/fhir/ServiceRequest/{id}")) {
            notYours(patientA.get().uri(path, caseOfB).exchange());
            notYours(patientB.get().uri(path, caseOfA).exchange());
        }
        // nor decide for it: consent and withdrawal stay as they were
        notYours(patientB.post().uri("/cases/{id}/consent", caseOfA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"REVIEW\", \"granted\": false}").exchange());
        notYours(patientB.post().uri("/cases/{id}/withdraw", caseOfA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"not mine\"}").exchange());
        http.get().uri("/cases/{id}", caseOfA).exchange().expectBody()
                .jsonPath("$.stage").isEqualTo("SUBMITTED").jsonPath("$.consents.REVIEW").isEqualTo(true);
    }

    @Test
    void aPatientAndHerCaregiverListTheirOwnCasesOnly() {
        String a = "mine-a-" + UUID.randomUUID() + "@example.org";
        String carer = "mine-carer-" + UUID.randomUUID() + "@example.org";
        String b = "mine-b-" + UUID.randomUUID() + "@example.org";
        WebTestClient patientA = as("mine-a", a, "patient");
        String first = submit(patientA, Intakes.lung(a, carer, "doc-" + a));
        String second = submit(patientA, Intakes.lung(a, carer, "doc-" + a));
        submit(as("mine-b", b, "patient"), Intakes.lung(b, "carer-" + b, "doc-" + b));

        patientA.get().uri("/cases/mine").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].caseId").isEqualTo(second)
                .jsonPath("$[1].caseId").isEqualTo(first)
                .jsonPath("$[0].stage").isEqualTo("SUBMITTED")
                .jsonPath("$[0].actingAs").isEqualTo("patient")
                .jsonPath("$[0].patientLanguages[0]").exists()
                .jsonPath("$[0].patientTimeZone").exists();
        // the caregiver named as proxy sees the cases they act for; the token's e-mail decides, not its case
        as("mine-carer", carer.toUpperCase(java.util.Locale.ROOT), "caregiver").get().uri("/cases/mine").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].actingAs").isEqualTo("caregiver");
        // a patient role with a caregiver's address is not the patient
        as("mine-carer", carer, "patient").get().uri("/cases/mine").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        http.get().uri(b2 -> b2.path("/cases/{id}/audit").queryParam("entity", "ServiceRequest/" + first).build(first))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(trail -> assertThat(trail).contains("my-cases"));
    }

    @Test
    void anUnknownCaseIs403ForAPatientAnd404ForACoordinator() {
        notYours(as("pat", "pat@example.org", "patient").get().uri("/cases/case-{id}", UUID.randomUUID()).exchange());
        http.get().uri("/cases/case-{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-found");
    }

    @Test
    void aPatientOrCaregiverSubmitsOnlyTheirOwnIntakeAndARefusalStoresNothing() {
        String me = "me-" + UUID.randomUUID() + "@example.org";
        long before = countCases();
        WebTestClient patient = as("me", me, "patient");
        patient.post().uri("/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Intakes.lung("someone-else@example.org", "carer@example.org", "doc@example.org")).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-your-intake");
        WebTestClient caregiver = as("carer", me, "caregiver");
        caregiver.post().uri("/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Intakes.lung("patient@example.org", "another-carer@example.org", "doc@example.org")).exchange()
                .expectStatus().isForbidden();
        caregiver.post().uri("/fhir").contentType(MediaType.parseMediaType("application/fhir+json"))
                .bodyValue(FhirBundles.json(FhirBundles.lungTransaction())).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-your-intake");
        assertThat(countCases()).isEqualTo(before);

        // the caregiver named as the proxy submits, and sees the case they submitted
        String caseId = submit(caregiver, Intakes.lung("parent-" + me, me, "doc@example.org"));
        caregiver.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk();
        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.parties()).containsExactly(new CaseParty("patient", "parent-" + me),
                new CaseParty("caregiver", me), new CaseParty("referrer", "doc@example.org"));
        org.bson.Document stored = mongo.findById(caseId, org.bson.Document.class, "cases").block();
        assertThat(stored.get("submitter", org.bson.Document.class)).containsEntry("username", "carer")
                .containsEntry("email", me).containsEntry("role", "caregiver");
    }

    @Test
    void aReferrerSeesTheCaseOnlyWhileTheContactConsentHolds() {
        String doctor = "dr-" + UUID.randomUUID() + "@clinic.example";
        String patientEmail = "p-" + UUID.randomUUID() + "@example.org";
        WebTestClient referrer = as("dr-who", doctor, "referrer");
        // the referrer submits for the patient, naming a colleague as the treating doctor
        String caseId = submit(referrer, Intakes.lung(patientEmail, "c-" + patientEmail, "colleague@clinic.example"));
        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.parties()).contains(new CaseParty("referrer", "colleague@clinic.example"),
                new CaseParty("referrer", doctor));
        referrer.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk();
        as("colleague", "colleague@clinic.example", "referrer").get().uri("/cases/{id}/$export", caseId).exchange()
                .expectStatus().isOk();

        // consent is the patient's: the referrer may not withdraw it, the patient may
        referrer.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"CONTACT_CURRENT_DOCTOR\", \"granted\": true}").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:forbidden");
        as("p", patientEmail, "patient").post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"CONTACT_CURRENT_DOCTOR\", \"granted\": false}").exchange()
                .expectStatus().isOk();
        notYours(referrer.get().uri("/cases/{id}", caseId).exchange());
        notYours(referrer.get().uri("/fhir/ServiceRequest/{id}", caseId).exchange());

        // a referrer who is not a party never sees it
        String other = submit(as("p2", "p2-" + patientEmail, "patient"), Intakes.lung("p2-" + patientEmail,
                "c2-" + patientEmail, "other-doctor@clinic.example"));
        notYours(referrer.get().uri("/cases/{id}", other).exchange());
    }

    @Test
    void specialistsAndOperatorsGetNoCaseContentHere() {
        String caseId = submitAsStaff(Intakes.lung("p-" + UUID.randomUUID() + "@example.org", "c@example.org",
                "d@example.org"));
        for (WebTestClient client : List.of(as("spec-1", "spec@example.org", "specialist"),
                as("kim.ops", "kim@example.org", "ops"))) {
            for (String path : List.of("/cases/{id}", "/cases/{id}/$export", "/fhir/ServiceRequest/{id}")) {
                notYours(client.get().uri(path, caseId).exchange());
            }
        }
    }

    @Test
    void aCoordinatorDecidesForThePatientAndAnotherServiceFetchesAttachments() {
        String caseId = submitAsStaff(Intakes.lung("p-" + UUID.randomUUID() + "@example.org", "c@example.org",
                "d@example.org"));
        http.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"CROSS_BORDER_TRANSFER\", \"granted\": false}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.consents.CROSS_BORDER_TRANSFER").isEqualTo(false);
        WebTestClient service = as(TestTokens.SERVICE_CLIENT, null, "service");
        service.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk();
        service.get().uri("/cases/{id}/attachments/0123456789abcdef01234567", caseId).exchange()
                .expectStatus().isNotFound();
        // an unknown case is a 404 for another service too: it is staff, not a stranger guessing ids
        service.get().uri("/cases/case-nope/attachments/0123456789abcdef01234567").exchange().expectStatus().isNotFound();
    }

    private static void notYours(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-your-case");
    }

    private static Outcome outcome(EntityExchangeResult<byte[]> result) {
        if (result.getStatus().value() != 403) {
            return Outcome.PASS;
        }
        String body = new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                StandardCharsets.UTF_8);
        return body.contains("urn:consilium:problem:not-your-case") ? Outcome.NOT_YOURS : Outcome.FORBIDDEN;
    }

    private String submitAsStaff(String intake) {
        return submit(http, intake);
    }

    static String submit(WebTestClient client, String intake) {
        JsonNode created = client.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(intake)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("caseId").asText();
    }

    private long countCases() {
        return mongo.getCollection("cases").flatMap(c -> Mono.from(c.countDocuments())).block();
    }

    private EntityExchangeResult<byte[]> call(Endpoint endpoint, String authorization) {
        WebTestClient.RequestBodySpec request = anonymous.method(endpoint.method()).uri(endpoint.path())
                .headers(h -> {
                    if (!authorization.isEmpty()) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = endpoint.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body());
        // consume every body, so that no connection is left holding an unread response
        return ready.exchange().expectBody().returnResult();
    }
}
