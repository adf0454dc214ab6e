package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meeting view, the session agenda and follow-up questions, through the running service. */
class MeetingAndFollowUpTest extends ServiceTest {

    @Test
    @SuppressWarnings("unchecked")
    void theMeetingShowsOpinionsSideBySideAndTheAgendaPutsTheDisagreementBeforeQuietCases() {
        String split = newCaseId("meeting");
        KafkaProbe.publish(smallCase(split));
        ReviewView review = awaitReview(split);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        ReviewView.Member surgeon = review.panel().stream().filter(m -> m.discipline().equals("colorectal-surgeon"))
                .findFirst().orElseThrow();
        post(split, "opinions", opinion(chair.specialistId(), true)).expectStatus().isCreated();
        post(split, "opinions", Map.of("specialistId", surgeon.specialistId(), "recommendation",
                "Short-course radiotherapy first", "agreesWithFirstOpinion", false, "confidence", "LOW",
                "informationMissing", "pelvic MRI")).expectStatus().isCreated();

        MeetingView meeting = http.get().uri("/reviews/{id}/meeting", split).exchange().expectStatus().isOk()
                .expectBody(MeetingView.class).returnResult().getResponseBody();
        assertThat(meeting.opinions()).hasSize(3).extracting(MeetingView.Seat::discipline)
                .containsExactly("medical-oncologist", "pathologist", "colorectal-surgeon");
        assertThat(meeting.opinions()).filteredOn(s -> !s.submitted()).singleElement()
                .extracting(MeetingView.Seat::discipline).isEqualTo("pathologist");
        assertThat(meeting.disagreement().disagrees()).isTrue();
        assertThat(meeting.disagreement().points()).containsExactly("1 agree with the first opinion, 1 do not",
                "2 different recommendations: Proceed as planned (medical-oncologist) / Short-course radiotherapy first "
                        + "(colorectal-surgeon)",
                "low confidence: " + surgeon.name() + " (colorectal-surgeon)",
                "information still missing: colorectal-surgeon: pelvic MRI", "1 opinion still awaited");

        // a quiet case booked on the same session after it
        String quiet = newCaseId("quiet");
        KafkaProbe.publish(smallCase(quiet));
        ReviewView quietReview = awaitReview(quiet);
        Map<String, Object> agenda = http.get().uri("/sessions/{id}/agenda", review.session().id()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) agenda.get("items");
        Map<String, Object> splitItem = items.stream().filter(i -> split.equals(i.get("caseId"))).findFirst().orElseThrow();
        assertThat(splitItem.get("opinionsDisagree")).isEqualTo(true);
        assertThat(splitItem.get("why")).isEqualTo("pre-meeting opinions disagree");
        assertThat((List<String>) splitItem.get("pointsOfDisagreement")).contains("1 agree with the first opinion, 1 do not");
        if (quietReview.session().id().equals(review.session().id())) {
            List<Object> order = items.stream().map(i -> i.get("caseId")).toList();
            assertThat(order.indexOf(split)).isLessThan(order.indexOf(quiet));
        }
        // positions and times follow the order
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).get("position")).isEqualTo(i + 1);
        }
        assertThat(items.get(0).get("startsAt")).isEqualTo(review.session().startsAt().toString());

        problem(http.get().uri("/sessions/{id}/agenda", "thoracic-19990101T0900Z").exchange(), HttpStatus.NOT_FOUND,
                "not-found");
        problem(http.get().uri("/reviews/{id}/meeting", "no-such-case").exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void followUpQuestionsAfterTheConsensusGoToTheChairForThirtyDays() {
        String caseId = newCaseId("follow-up");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        ReviewView.Member other = review.panel().stream().filter(m -> !m.chair()).findFirst().orElseThrow();

        Document open = storedReview(caseId);
        problem(post(caseId, "questions", question("Can I wait?")), HttpStatus.CONFLICT, "review-not-concluded");
        assertUnchanged(caseId, open);

        review.panel().forEach(m -> post(caseId, "opinions", opinion(m.specialistId(), true)).expectStatus().isCreated());
        post(caseId, "consensus", consensus(chair.specialistId())).expectStatus().isCreated();

        FollowUpQuestion asked = post(caseId, "questions", question("Can I travel before the operation?"))
                .expectStatus().isCreated().expectHeader().location("/reviews/" + caseId + "/questions/q1")
                .expectBody(FollowUpQuestion.class).returnResult().getResponseBody();
        assertThat(asked.addressedTo()).isEqualTo(chair.specialistId());
        assertThat(asked.answer()).isNull();

        Document asking = storedReview(caseId);
        problem(post(caseId, "questions", Map.of("question", " ")), HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[*].field").value(f -> assertThat(f).asList().containsExactly("question", "replyTo"));
        // the chair is told a question waits for them
        SendNotification toChair = await().atMost(Duration.ofSeconds(20)).until(() -> KafkaProbe.envelopes(
                        MessageType.SEND_NOTIFICATION, caseId).stream().map(e -> e.payload(SendNotification.class))
                .filter(n -> n.purpose() == NotificationPurpose.FOLLOW_UP_QUESTION).toList(), l -> !l.isEmpty()).get(0);
        assertThat(toChair.purpose()).isEqualTo(NotificationPurpose.FOLLOW_UP_QUESTION);
        assertThat(toChair.recipient().name()).isEqualTo(chair.name());
        assertThat(toChair.recipient().email()).isNotBlank();
        assertThat(toChair.parameters()).containsEntry("question", "Can I travel before the operation?")
                .containsEntry("questionId", "q1");
        problem(post(caseId, "questions/q1/answer", Map.of("chairId", other.specialistId(), "answer", "Yes")),
                HttpStatus.FORBIDDEN, "not-the-chair");
        problem(post(caseId, "questions/q7/answer", Map.of("chairId", chair.specialistId(), "answer", "Yes")),
                HttpStatus.NOT_FOUND, "not-found");
        assertUnchanged(caseId, asking);

        FollowUpQuestion answered = post(caseId, "questions/q1/answer", Map.of("chairId", chair.specialistId(),
                "answer", "Yes, a short trip is fine.")).expectStatus().isOk()
                .expectBody(FollowUpQuestion.class).returnResult().getResponseBody();
        assertThat(answered.answer()).isEqualTo("Yes, a short trip is fine.");
        assertThat(answered.answeredBy()).isEqualTo(chair.name());
        assertThat(awaitReview(caseId).questions()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("q1");
            assertThat(q.answer()).isEqualTo("Yes, a short trip is fine.");
            assertThat(q.answeredBy()).isEqualTo(chair.name());
        });
        problem(post(caseId, "questions/q1/answer", Map.of("chairId", chair.specialistId(), "answer", "Again")),
                HttpStatus.CONFLICT, "already-answered");
        // the answer goes back to who asked, in their language, once
        SendNotification toPatient = await().atMost(Duration.ofSeconds(20)).until(() -> KafkaProbe.envelopes(
                        MessageType.SEND_NOTIFICATION, caseId).stream().map(e -> e.payload(SendNotification.class))
                .filter(n -> n.purpose() == NotificationPurpose.FOLLOW_UP_ANSWERED).toList(), l -> l.size() == 1).get(0);
        assertThat(toPatient.recipient()).isEqualTo(new Recipient("Siti Rahman", "siti@example.org", "id"));
        assertThat(toPatient.parameters()).containsEntry("answer", "Yes, a short trip is fine.")
                .containsEntry("question", "Can I travel before the operation?")
                .containsEntry("answeredBy", chair.name());
        // who gets the answer is sealed at rest, and never shown in the review
        assertThat(storedReview(caseId).toJson()).doesNotContain("siti@example.org");
        http.get().uri("/reviews/{id}", caseId).exchange().expectBody().jsonPath("$.questions[0].replyTo").doesNotExist();

        // 31 days after the consensus the window is closed
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)), Update.update("consensus.concludedAt",
                Date.from(now().minus(Duration.ofDays(31)))), "reviews").block();
        Document late = storedReview(caseId);
        problem(post(caseId, "questions", question("One more?")), HttpStatus.CONFLICT, "follow-up-closed");
        assertUnchanged(caseId, late);
    }
}
