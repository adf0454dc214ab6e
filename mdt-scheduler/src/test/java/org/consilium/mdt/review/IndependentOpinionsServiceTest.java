package org.consilium.mdt.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.consilium.events.MessageType;
import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: independent pre-meeting opinions are the service's rule, not a page's. A member who has not given their
 * opinion reads none of the others' (review, meeting view, agenda), though they see who has given one; once they have
 * given theirs, they read all. The coordinator reads all throughout. An opinion sent twice under one Idempotency-Key is
 * recorded and announced once. And a specialist's own sessions list only the cases their seats open to them.
 */
class IndependentOpinionsServiceTest extends ServiceTest {

    @Test
    void aMemberReadsTheOthersOpinionsOnlyOnceTheyHaveGivenTheirOwn() {
        String caseId = newCaseId("independent");
        KafkaProbe.publish(threeDisciplines(caseId));
        ReviewView review = awaitReview(caseId);
        assertThat(review.panel()).hasSizeGreaterThanOrEqualTo(3);
        String first = review.panel().get(0).specialistId();
        String second = review.panel().get(1).specialistId();
        String late = review.panel().get(2).specialistId();
        post(caseId, "opinions", opinion(first, true)).expectStatus().isCreated();
        post(caseId, "opinions", Map.of("specialistId", second, "recommendation", "Chemotherapy first",
                "agreesWithFirstOpinion", false, "confidence", "LOW", "informationMissing", "MRI pelvis"))
                .expectStatus().isCreated();

        // the late member: who has given an opinion, but not what it says, nor where the panel parts ways
        JsonNode hidden = read(as(late), "/reviews/{id}", caseId);
        assertThat(hidden.path("othersOpinionsHidden").asBoolean()).isTrue();
        assertThat(hidden.path("opinions")).isEmpty();
        assertThat(hidden.path("panel").findValuesAsText("opinionSubmitted")).containsOnly("true", "false");
        assertThat(hidden.toString()).doesNotContain("Chemotherapy first").doesNotContain("Proceed as planned")
                .doesNotContain("MRI pelvis");
        JsonNode meeting = read(as(late), "/reviews/{id}/meeting", caseId);
        assertThat(meeting.path("othersOpinionsHidden").asBoolean()).isTrue();
        assertThat(meeting.path("disagreement").isNull()).isTrue();
        assertThat(meeting.path("opinions").findValuesAsText("submitted")).contains("true");
        assertThat(meeting.toString()).doesNotContain("Chemotherapy first").doesNotContain("Proceed as planned")
                .doesNotContain("MRI pelvis").doesNotContain("LOW");
        JsonNode item = agendaItem(as(late), review.session().id(), caseId);
        assertThat(item.path("othersOpinionsHidden").asBoolean()).isTrue();
        assertThat(item.path("opinionsDisagree").asBoolean()).isFalse();
        assertThat(item.path("pointsOfDisagreement")).isEmpty();
        assertThat(item.path("why").asText()).isEqualTo(AgendaEndpoints.HIDDEN_WHY);

        // those who have given theirs, and the coordinator, read everything, the disagreement included
        for (WebTestClient reader : List.of(as(first), http)) {
            JsonNode open = read(reader, "/reviews/{id}/meeting", caseId);
            assertThat(open.path("othersOpinionsHidden").asBoolean()).isFalse();
            assertThat(open.toString()).contains("Chemotherapy first").contains("Proceed as planned");
            assertThat(open.path("disagreement").path("disagrees").asBoolean()).isTrue();
            assertThat(read(reader, "/reviews/{id}", caseId).path("opinions")).hasSize(2);
            assertThat(agendaItem(reader, review.session().id(), caseId).path("opinionsDisagree").asBoolean()).isTrue();
        }

        // the late member gives theirs: now they read the others'
        post(caseId, "opinions", opinion(late, true)).expectStatus().isCreated();
        JsonNode seen = read(as(late), "/reviews/{id}/meeting", caseId);
        assertThat(seen.path("othersOpinionsHidden").asBoolean()).isFalse();
        assertThat(seen.toString()).contains("Chemotherapy first").contains("MRI pelvis");
        assertThat(read(as(late), "/reviews/{id}", caseId).path("opinions")).hasSize(3);
    }

    @Test
    void anOpinionSentTwiceUnderOneIdempotencyKeyIsRecordedAndAnnouncedOnce() {
        String caseId = newCaseId("once");
        KafkaProbe.publish(lightCase(caseId, "Is surgery needed?", "Watch and wait"));
        ReviewView review = awaitReview(caseId);
        String member = review.panel().get(0).specialistId();
        Map<String, Object> opinion = opinion(member, true);

        keyed(caseId, member, "room-key-1", opinion).expectStatus().isCreated();
        Document stored = storedReview(caseId);
        keyed(caseId, member, "room-key-1", opinion).expectStatus().isCreated(); // the first answer, again
        assertThat(storedReview(caseId).get("opinions")).isEqualTo(stored.get("opinions"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(
                () -> KafkaProbe.envelopes(MessageType.OPINION_SUBMITTED, caseId).size() == 1);

        // another opinion under the same key is refused; nothing stored
        problem(keyed(caseId, member, "room-key-1", opinion(member, false)), HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused");
        assertThat(storedReview(caseId).get("opinions")).isEqualTo(stored.get("opinions"));
        // a key that is no key is named
        problem(keyed(caseId, member, "a key with spaces", opinion), HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        // changed under a new key (200); the first submission retried late does not bring the old opinion back
        keyed(caseId, member, "room-key-2", opinion(member, false)).expectStatus().isOk();
        keyed(caseId, member, "room-key-1", opinion).expectStatus().isCreated();
        JsonNode now = read(http, "/reviews/{id}", caseId);
        assertThat(now.path("opinions").findValuesAsText("agreesWithFirstOpinion")).containsExactly("false");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> KafkaProbe.envelopes(MessageType.OPINION_SUBMITTED, caseId).size() == 2);
    }

    @Test
    void aSpecialistsOwnSessionsListOnlyTheCasesTheirSeatsOpenInTheirZone() {
        String caseId = newCaseId("mine");
        KafkaProbe.publish(lightCase(caseId, "Is surgery needed?", "Watch and wait"));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member member = review.panel().get(0);

        JsonNode mine = read(as(member.specialistId()), "/specialists/me/sessions", null);
        assertThat(mine.path("specialistId").asText()).isEqualTo(member.specialistId());
        assertThat(mine.path("timeZone").asText()).isEqualTo(member.timeZone());
        JsonNode session = null;
        for (JsonNode s : mine.path("sessions")) {
            if (s.path("cases").findValuesAsText("caseId").contains(caseId)) {
                session = s;
            }
        }
        assertThat(session).as("the case's session among the member's").isNotNull();
        assertThat(session.path("id").asText()).isEqualTo(review.session().id());
        OffsetDateTime local = OffsetDateTime.parse(session.path("localStart").asText());
        assertThat(local.toInstant()).isEqualTo(review.session().startsAt());
        assertThat(local.getOffset()).isEqualTo(review.session().startsAt().atZone(java.time.ZoneId.of(member.timeZone()))
                .getOffset());
        assertThat(mine.path("thisWeek").path("capacity").asInt()).isPositive();
        JsonNode theCase = null;
        for (JsonNode c : session.path("cases")) {
            if (c.path("caseId").asText().equals(caseId)) {
                theCase = c;
            }
        }
        assertThat(theCase.path("opinionGiven").asBoolean()).isFalse();
        assertThat(theCase.path("chair").asBoolean()).isEqualTo(member.chair());

        JsonNode outsider = read(as("dr-not-on-this-panel"), "/specialists/me/sessions", null);
        assertThat(outsider.path("sessions").findValuesAsText("caseId")).doesNotContain(caseId);
    }

    /**
     * Three seats in disciplines the other tests hardly use (every test shares the directory's weekly capacity):
     * haematology, a haematopathologist and a supportive-care physician, all licensed in GB.
     */
    private static ScheduleReview threeDisciplines(String caseId) {
        return new ScheduleReview(caseId, "lymphoma", Urgency.ROUTINE,
                List.of("haematologist", "haematopathologist", "supportive-care-physician"), List.of("en"),
                "Europe/London", "Is R-CHOP the right first treatment?", "R-CHOP, six cycles", "GB", null);
    }

    private WebTestClient.ResponseSpec keyed(String caseId, String member, String key, Map<String, ?> body) {
        return http.post().uri("/reviews/{id}/opinions", caseId).header(HttpHeaders.AUTHORIZATION, specialist(member))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient as(String specialistId) {
        return http.mutate().defaultHeaders(h -> h.set(HttpHeaders.AUTHORIZATION, specialist(specialistId))).build();
    }

    private static JsonNode read(WebTestClient client, String path, String caseId) {
        return client.get().uri(path, caseId == null ? new Object[0] : new Object[]{caseId}).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode agendaItem(WebTestClient client, String sessionId, String caseId) {
        for (JsonNode item : read(client, "/sessions/" + sessionId + "/agenda", null).path("items")) {
            if (item.path("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError("case " + caseId + " not on the agenda of " + sessionId);
    }
}
