package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.CancelCase;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CancelCaseTest extends ServiceTest {

    @Test
    void aCancelledReviewFreesItsSeatAndRefusesOpinionsAndConsensus() {
        String caseId = newCaseId("cancelled");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        assertThat(casesOn(review.session().id())).contains(caseId);

        Envelope cancel = KafkaProbe.publish(new CancelCase(caseId, "withdrawn by patient"));
        awaitApplied(caseId, cancel.id());

        ReviewView cancelled = awaitReview(caseId);
        assertThat(cancelled.status()).isEqualTo(ReviewStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("withdrawn by patient");
        assertThat(casesOn(review.session().id())).doesNotContain(caseId);

        Document before = storedReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        // a withdrawn case is closed to its panel
        problem(post(caseId, "opinions", opinion(chair.specialistId(), true)), HttpStatus.FORBIDDEN, "not-your-case");
        problem(post(caseId, "consensus", consensus(chair.specialistId())), HttpStatus.FORBIDDEN, "not-your-case");
        assertUnchanged(caseId, before);
        assertThat(storedReview(caseId).getList("opinions", Document.class)).isEmpty();
    }

    @Test
    void aRedeliveredCancelCaseIsAppliedOnce() {
        String caseId = newCaseId("cancel-twice");
        KafkaProbe.publish(smallCase(caseId));
        awaitReview(caseId);

        Envelope cancel = KafkaProbe.publish(new CancelCase(caseId, "treated locally"));
        Instant cancelledAt = awaitApplied(caseId, cancel.id()).getDate("cancelledAt").toInstant();
        KafkaProbe.publish(cancel);
        Envelope later = KafkaProbe.publish(Envelope.of(new CancelCase(caseId, "again"), UUID.randomUUID().toString(),
                "/consilium/test", now()));
        Document stored = awaitApplied(caseId, later.id());

        assertThat(Collections.frequency(stored.getList("appliedEvents", String.class), cancel.id())).isEqualTo(1);
        assertThat(stored.getDate("cancelledAt").toInstant()).isEqualTo(cancelledAt);
        assertThat(stored.getString("cancelReason")).isEqualTo("treated locally");
    }

    @Test
    void aCaseCancelledBeforeItWasScheduledIsNeverScheduled() {
        String caseId = newCaseId("cancel-early");
        Envelope cancel = KafkaProbe.publish(new CancelCase(caseId, "withdrawn during record collection"));
        awaitApplied(caseId, cancel.id());

        Envelope schedule = KafkaProbe.publish(smallCase(caseId));
        Document stored = awaitApplied(caseId, schedule.id());

        assertThat(stored.getString("status")).isEqualTo("CANCELLED");
        assertThat(stored.getList("panel", Document.class)).isEmpty();
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).isEmpty();
        assertThat(mongo.findAll(Document.class, "sessions").collectList().block())
                .flatExtracting(r -> r.getList("caseIds", String.class)).doesNotContain(caseId);
        ReviewView review = awaitReview(caseId);
        assertThat(review.status()).isEqualTo(ReviewStatus.CANCELLED);
        assertThat(review.session()).isNull();
    }

    private List<String> casesOn(String sessionId) {
        return mongo.findById(sessionId, Document.class, "sessions").block().getList("caseIds", String.class);
    }
}
