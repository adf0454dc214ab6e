package org.consilium.mdt.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.Recipient;
import org.consilium.events.ScheduleReview;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine no longer carries the patient's question and first opinion (issue 11, thin process
 * variables): ScheduleReview comes without them and they are taken from intake's CaseSubmitted, on
 * another topic, in either order.
 */
class SubmittedQuestionServiceTest extends ServiceTest {
    static final String DEAD_LETTERS = "error.consilium.mdt.commands.mdt-scheduler";
    static final String QUESTION = "Is surgery first the right order for me?";
    static final String FIRST_OPINION = "Resection then adjuvant chemotherapy";

    @Autowired
    MeterRegistry meters;

    @Test
    void aScheduleReviewWithoutTheQuestionTakesItFromTheCaseSubmittedBeforeIt() {
        String caseId = newCaseId("thin");
        KafkaProbe.publish(submitted(caseId, QUESTION));
        awaitSubmitted(caseId);
        KafkaProbe.publish(withoutQuestion(caseId));

        ReviewView review = awaitReview(caseId);
        assertThat(review.questionForPanel()).isEqualTo(QUESTION);
        assertThat(review.firstOpinion()).isEqualTo(FIRST_OPINION);
        // health data, sealed at rest where it is kept: the case's submission and the review's brief
        assertThat(awaitSubmitted(caseId).toJson()).doesNotContain(QUESTION).doesNotContain(FIRST_OPINION);
        Document brief = storedReview(caseId).get("brief", Document.class);
        assertThat(brief.getString("questionForPanel")).startsWith("enc:v1:");
        assertThat(brief.getString("firstOpinion")).startsWith("enc:v1:");
        assertThat(brief.getString("cancerType")).isEqualTo("neuroendocrine"); // what queries and people need stays plain
    }

    @Test
    void aScheduleReviewThatComesBeforeItsCaseSubmittedIsAppliedOnceTheCaseIsKnown() {
        String caseId = newCaseId("early");
        double waitedBefore = waited();
        KafkaProbe.publish(withoutQuestion(caseId));
        // it was tried, and it waits: no review with no question, no MdtScheduled
        await().atMost(Duration.ofSeconds(20)).until(() -> waited() > waitedBefore);
        assertThat(storedReview(caseId)).isNull();

        KafkaProbe.publish(submitted(caseId, QUESTION));

        ReviewView review = awaitReview(caseId);
        assertThat(review.questionForPanel()).isEqualTo(QUESTION);
        assertThat(review.firstOpinion()).isEqualTo(FIRST_OPINION);
        KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).hasSize(1);
    }

    @Test
    void aRedeliveredCaseSubmittedIsHarmlessAndAnotherOneDoesNotChangeTheQuestion() {
        String caseId = newCaseId("resubmitted");
        Envelope first = KafkaProbe.publish(submitted(caseId, QUESTION));
        KafkaProbe.publish(first);
        Envelope other = KafkaProbe.publish(submitted(caseId, "A question sent again"));
        KafkaProbe.publish(first);
        // same key, same partition: consumed after the redeliveries
        Envelope last = KafkaProbe.publish(submitted(caseId, "And once more"));
        Document stored = await().atMost(Duration.ofSeconds(30)).until(() -> submittedDoc(caseId),
                d -> d != null && d.getList("appliedEvents", String.class).contains(last.id()));
        assertThat(stored.getList("appliedEvents", String.class)).containsExactly(first.id(), other.id(), last.id());

        KafkaProbe.publish(withoutQuestion(caseId));
        assertThat(awaitReview(caseId).questionForPanel()).isEqualTo(QUESTION);
    }

    @Test
    void aScheduleReviewThatCarriesItsQuestionNeedsNoCaseSubmitted() {
        String caseId = newCaseId("older");
        KafkaProbe.publish(lightCase(caseId, "Is surgery first the right order?", FIRST_OPINION)); // an older producer

        assertThat(awaitReview(caseId).questionForPanel()).isEqualTo("Is surgery first the right order?");
        assertThat(submittedDoc(caseId)).isNull();
    }

    /**
     * A command whose CaseSubmitted lags is parked, not retried on the consumer's thread: the commands of other cases
     * behind it on the same binding are applied meanwhile, nothing is dead-lettered, and it is applied once its case
     * is known.
     */
    @Test
    void aScheduleReviewWaitingForItsCaseHoldsNoOtherCaseBackAndIsNeverDeadLettered() {
        String orphan = newCaseId("orphan");
        KafkaProbe.publish(withoutQuestion(orphan));
        Document parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf(orphan), d -> d != null);
        assertThat(parked.getString("awaited")).isEqualTo("CaseSubmitted");
        // what it says of the patient is sealed at rest, like every other copy of the command
        assertThat(parked.getString("payload")).doesNotContain("neuroendocrine");
        // a coordinator looking for its review is told what it waits for
        problem(http.get().uri("/reviews/{id}", orphan).exchange(), HttpStatus.NOT_FOUND, "review-waits-for-case")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("waits for intake's CaseSubmitted"));

        // other cases' commands behind it, on the same binding: planned while the orphan waits
        List<String> others = List.of(newCaseId("behind"), newCaseId("behind"), newCaseId("behind"));
        others.forEach(caseId -> KafkaProbe.publish(submitted(caseId, QUESTION)));
        others.forEach(caseId -> KafkaProbe.publish(withoutQuestion(caseId)));
        others.forEach(caseId -> assertThat(awaitReview(caseId).questionForPanel()).isEqualTo(QUESTION));
        assertThat(storedReview(orphan)).isNull();

        KafkaProbe.publish(submitted(orphan, QUESTION));
        assertThat(awaitReview(orphan).questionForPanel()).isEqualTo(QUESTION);
        KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, orphan, MdtScheduled.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf(orphan) == null);
        assertThat(KafkaProbe.records(DEAD_LETTERS).stream().filter(r -> orphan.equals(r.key()))).isEmpty();
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, orphan)).hasSize(1);
    }

    private Document parkedOf(String caseId) {
        return mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Document.class, "parkedMessages").block();
    }

    private double waited() {
        Counter counter = meters.find("consilium.mdt.schedule.awaiting-case").counter();
        return counter == null ? 0 : counter.count();
    }

    private Document submittedDoc(String caseId) {
        return mongo.findById(caseId, Document.class, "submittedQuestions").block();
    }

    private Document awaitSubmitted(String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> submittedDoc(caseId), d -> d != null);
    }

    static CaseSubmitted submitted(String caseId, String question) {
        return new CaseSubmitted(caseId, "colorectal", "surgery first or chemotherapy first",
                LocalDate.of(2027, 1, 10), question, FIRST_OPINION,
                new Recipient("Amira Okafor", caseId + "@example.org", "en"), List.of("en"), "Europe/London", "GB",
                now());
    }

    /** As the engine sends it now: no question, no first opinion. */
    static ScheduleReview withoutQuestion(String caseId) {
        return lightCase(caseId, null, null);
    }
}
