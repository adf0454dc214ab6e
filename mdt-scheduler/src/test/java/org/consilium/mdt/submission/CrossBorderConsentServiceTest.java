package org.consilium.mdt.submission;

import org.bson.Document;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consent to cross-border transfer, from intake's case events on Kafka: redelivered once, early still applied. */
class CrossBorderConsentServiceTest extends ServiceTest {

    @Test
    void aRedeliveredConsentChangedIsAppliedOnce() {
        String caseId = newCaseId("consent-twice");
        Envelope granted = KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CROSS_BORDER_TRANSFER, true,
                now()));
        KafkaProbe.publish(granted);
        // a later event of the case is consumed after the redelivery (same key, same partition)
        Envelope withdrawn = KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CROSS_BORDER_TRANSFER, false,
                now().plusSeconds(1)));

        Document consent = awaitConsent(caseId, withdrawn.id());
        assertThat(consent.getList("appliedEvents", String.class)).containsExactly(granted.id(), withdrawn.id());
        assertThat(consent.getBoolean("granted")).isFalse();
    }

    @Test
    void aWithdrawalThatArrivesBeforeTheCaseSubmittedIsNotUndoneByTheIntakesOlderConsent() {
        String caseId = newCaseId("consent-early");
        Instant submittedAt = now().minusSeconds(60);
        KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CROSS_BORDER_TRANSFER, false, now()));
        Envelope submitted = KafkaProbe.publish(new CaseSubmitted(caseId, "liver", "transplantation",
                LocalDate.of(2027, 1, 20), "Resection or transplant?", "Resection",
                new Recipient("Li Wen", caseId + "@example.org", "zh"), List.of("zh"), "Asia/Shanghai", "CN",
                submittedAt, null, List.of(), List.of(ConsentChanged.REVIEW, ConsentChanged.CROSS_BORDER_TRANSFER), null));

        Document consent = awaitConsent(caseId, submitted.id());
        assertThat(consent.getBoolean("granted")).isFalse();
        // purposes other than cross-border transfer are not kept here
        Envelope other = KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CONTACT_CURRENT_DOCTOR, true,
                now()));
        Envelope after = KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CROSS_BORDER_TRANSFER, false,
                now()));
        assertThat(awaitConsent(caseId, after.id()).getList("appliedEvents", String.class)).doesNotContain(other.id());
    }

    private Document awaitConsent(String caseId, String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, Document.class,
                "crossBorderConsents").block(), d -> d != null && d.getList("appliedEvents", String.class).contains(eventId));
    }
}
