package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MessageType;
import org.consilium.events.OpinionSubmitted;
import org.consilium.events.ReportContent;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeliberationTest extends ServiceTest {

    /**
     * Issue 12: a whole panel posting at once while the outbox relay publishes their events. The relay used
     * to bump the version and three plain retries were not enough: 500s in two of six runs.
     */
    @Test
    void aWholePanelPostingItsOpinionsAtOnceIsNeverRefused() throws Exception {
        String caseId = newCaseId("all-at-once");
        KafkaProbe.publish(lungCase(caseId));
        ReviewView review = awaitReview(caseId);
        java.util.concurrent.ExecutorService panel = java.util.concurrent.Executors.newFixedThreadPool(
                review.panel().size());
        try {
            for (int round = 0; round < 4; round++) {
                boolean agrees = round % 2 == 0;
                List<java.util.concurrent.Future<Integer>> answers = panel.invokeAll(review.panel().stream()
                        .map(m -> (java.util.concurrent.Callable<Integer>) () -> post(caseId, "opinions",
                                opinion(m.specialistId(), agrees)).returnResult(String.class).getStatus().value())
                        .toList());
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    assertThat(answer.get()).as("round " + round).isIn(200, 201);
                }
            }
        } finally {
            panel.shutdownNow();
        }
        assertThat(awaitReview(caseId).opinions()).hasSize(review.panel().size())
                .allSatisfy(o -> assertThat(o.agreesWithFirstOpinion()).isFalse()); // the last round's
    }

    @Test
    void opinionsThenTheChairsConsensusConcludeTheReviewAndPublishTheReport() {
        String caseId = newCaseId("deliberation");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        assertThat(chair.discipline()).isEqualTo("medical-oncologist");

        for (ReviewView.Member member : review.panel()) {
            post(caseId, "opinions", opinion(member.specialistId(), !member.chair())).expectStatus().isCreated()
                    .expectHeader().location("/reviews/" + caseId);
        }
        ReviewView.Member surgeon = review.panel().stream().filter(m -> m.discipline().equals("colorectal-surgeon"))
                .findFirst().orElseThrow();
        // a member may revise their opinion before the consensus: it replaces the first one
        ReviewView revised = post(caseId, "opinions", Map.of("specialistId", surgeon.specialistId(),
                "recommendation", "Short-course radiotherapy first", "agreesWithFirstOpinion", false,
                "confidence", "HIGH", "informationMissing", "pelvic MRI")).expectStatus().isOk()
                .expectBody(ReviewView.class).returnResult().getResponseBody();
        assertThat(revised.opinions()).hasSize(3);
        assertThat(revised.awaitingOpinionsFrom()).isEmpty();
        assertThat(revised.opinions()).filteredOn(o -> o.specialistId().equals(surgeon.specialistId())).singleElement()
                .satisfies(o -> {
                    assertThat(o.recommendation()).isEqualTo("Short-course radiotherapy first");
                    assertThat(o.confidence()).isEqualTo(Confidence.HIGH);
                    assertThat(o.informationMissing()).isEqualTo("pelvic MRI");
                    assertThat(o.discipline()).isEqualTo("colorectal-surgeon");
                });
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.envelopes(MessageType.OPINION_SUBMITTED, caseId),
                events -> events.size() == 4);
        assertThat(KafkaProbe.envelopes(MessageType.OPINION_SUBMITTED, caseId))
                .extracting(e -> e.payload(OpinionSubmitted.class).specialistId())
                .containsOnly(review.panel().stream().map(ReviewView.Member::specialistId).toArray(String[]::new));

        ReviewView concluded = post(caseId, "consensus", Map.of("chairId", chair.specialistId(),
                "confirmsFirstOpinion", false, "recommendation", "Neoadjuvant therapy before resection",
                "plainLanguageSummary", "The panel suggests treatment before the operation.",
                "differenceExplanation", "Pelvic MRI shows a threatened margin",
                "dissent", List.of("The surgeon prefers short-course radiotherapy")))
                .expectStatus().isCreated().expectBody(ReviewView.class).returnResult().getResponseBody();
        assertThat(concluded.status()).isEqualTo(ReviewStatus.CONCLUDED);
        assertThat(concluded.consensus().signedBy()).isEqualTo(chair.name());

        MdtConcluded event = KafkaProbe.awaitPublished(MessageType.MDT_CONCLUDED, caseId, MdtConcluded.class);
        assertThat(event.report()).isEqualTo(new ReportContent(false, "Neoadjuvant therapy before resection",
                "The panel suggests treatment before the operation.", "Pelvic MRI shows a threatened margin",
                List.of("The surgeon prefers short-course radiotherapy"), chair.name()));
        assertThat(awaitReview(caseId).consensus().dissent()).containsExactly("The surgeon prefers short-course radiotherapy");

        // only once, and nothing after it
        Document before = storedReview(caseId);
        problem(post(caseId, "consensus", Map.of("chairId", chair.specialistId(), "confirmsFirstOpinion", true,
                "recommendation", "x", "plainLanguageSummary", "y")), HttpStatus.CONFLICT, "review-concluded");
        problem(post(caseId, "opinions", opinion(surgeon.specialistId(), true)), HttpStatus.CONFLICT, "review-concluded");
        assertUnchanged(caseId, before);
        assertThat(KafkaProbe.envelopes(MessageType.MDT_CONCLUDED, caseId)).hasSize(1);

        http.get().uri("/actuator/metrics/consilium.mdt.opinions.submitted?tag=discipline:colorectal-surgeon").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.measurements[0].value").value(v ->
                        assertThat(((Number) v).doubleValue()).isGreaterThanOrEqualTo(2.0));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get()
                .uri("/actuator/metrics/consilium.mdt.reviews?tag=status:CONCLUDED").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value").value(v ->
                        assertThat(((Number) v).doubleValue()).isGreaterThanOrEqualTo(1.0)));
    }

    @Test
    void everyRefusalIsAProblemAndStoresNothing() {
        String caseId = newCaseId("refusals");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        ReviewView.Member other = review.panel().stream().filter(m -> !m.chair()).findFirst().orElseThrow();
        Document before = storedReview(caseId);

        WebTestClient.BodyContentSpec invalid = problem(post(caseId, "opinions", Map.of("confidence", "MEDIUM",
                "informationMissing", "x".repeat(4001))), HttpStatus.BAD_REQUEST, "validation");
        invalid.jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList().containsExactly(
                "agreesWithFirstOpinion", "informationMissing", "recommendation", "specialistId"));

        problem(post(caseId, "consensus", Map.of("confirmsFirstOpinion", false, "recommendation", " ",
                "dissent", List.of(""))), HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList().containsExactly(
                        "chairId", "differenceExplanation", "dissent[0]", "plainLanguageSummary", "recommendation"));

        // a specialist not on the panel does not get into the case at all
        problem(post(caseId, "opinions", opinion("dr-emily-carter-impostor", true)), HttpStatus.FORBIDDEN,
                "not-your-case");
        problem(post(caseId, "consensus", consensus(other.specialistId())), HttpStatus.FORBIDDEN, "not-the-chair");
        problem(post(caseId, "consensus", consensus(chair.specialistId())), HttpStatus.CONFLICT, "opinions-missing")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(review.panel().stream().map(ReviewView.Member::name).toArray(String[]::new)));
        assertUnchanged(caseId, before);

        post(caseId, "opinions", opinion(other.specialistId(), true)).expectStatus().isCreated();
        Document afterOne = storedReview(caseId);
        problem(post(caseId, "consensus", consensus(chair.specialistId())), HttpStatus.CONFLICT, "opinions-missing")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(chair.name())
                        .doesNotContain(other.name()));
        assertUnchanged(caseId, afterOne);
    }

    @Test
    void anUnknownCaseIsNotFound() {
        problem(http.get().uri("/reviews/{id}", "no-such-case").exchange(), HttpStatus.NOT_FOUND, "not-found");
        // to a specialist an unknown case is refused like someone else's: no answer tells which case ids exist
        problem(post("no-such-case", "opinions", opinion("dr-zhang-min", true)), HttpStatus.FORBIDDEN, "not-your-case");
        problem(post("no-such-case", "consensus", consensus("dr-zhang-min")), HttpStatus.FORBIDDEN, "not-your-case");
        assertThat(storedReview("no-such-case")).isNull();
    }
}
