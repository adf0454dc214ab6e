package org.consilium.notification;

import org.bson.Document;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportReleased;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6: who a delivery went to, what it said and the command it answers (for a report, the report)
 * are sealed in the shared database, and whole through the API.
 */
class PersonalDataAtRestTest extends ServiceTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theRecipientAndTheCommandAreStoredSealed() {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_DECLINED, Map.of("reason", "outside the programme's cancer types"))));
        awaitState(command.id(), DeliveryState.SENT);

        Document stored = mongo.findById(command.id(), Document.class, "deliveries").block();
        Document recipient = stored.get("recipient", Document.class);
        assertThat(recipient.getString("email")).startsWith("enc:v1:").doesNotContain(caseId);
        assertThat(recipient.getString("name")).startsWith("enc:v1:");
        assertThat(recipient.getString("language")).as("what queries and templates need stays readable").isEqualTo("en");
        assertThat(stored.get("command", Document.class).getString("payload")).startsWith("enc:v1:")
                .doesNotContain("outside the programme");
        assertThat(stored.getString("subject")).startsWith("enc:v1:");
        assertThat(stored.getString("text")).startsWith("enc:v1:");
        assertThat(stored.toJson()).doesNotContain("Siti Rahman", caseId + "@example.org", "outside the programme");

        http.get().uri("/deliveries/{id}", command.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.recipient.email").isEqualTo(caseId + "@example.org");

        // the copy in the recipient's in-app inbox too
        Document inboxed = await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(command.id(), Document.class, "inbox").block(), Objects::nonNull);
        assertThat(inboxed.getString("text")).startsWith("enc:v1:");
        assertThat(inboxed.getString("subject")).startsWith("enc:v1:");
    }

    /** ADR 15: what this service keeps of other services' events to address the engine's thin commands. */
    @Test
    void theCasesPeopleQuestionAndReleasedReportsAreStoredSealed() {
        String caseId = newCaseId();
        KafkaProbe.publish(new CaseSubmitted(caseId, "lung", "MAJOR_SURGERY", null, "Should I operate first?",
                "Lobectomy then chemotherapy", recipient(caseId, "en"), List.of("en"), "Asia/Jakarta", "ID", Instant.now(),
                null, List.of(), List.of("review"), null, List.of(), recipient(caseId, "en"), null));
        KafkaProbe.publish(new ReportReleased(caseId, 1, new ReportContent(true, "Operate first", "Surgery is right",
                null, List.of(), "dr-tan"), "cora.nolan", Instant.now()));

        Document contacts = await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(caseId, Document.class, "caseContacts").block(), Objects::nonNull);
        Document report = await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(caseId + ":v1", Document.class, "releasedReports").block(), Objects::nonNull);
        assertThat(contacts.getString("questionForPanel")).startsWith("enc:v1:");
        assertThat(contacts.getString("firstOpinion")).startsWith("enc:v1:");
        assertThat(contacts.get("patient", Document.class).getString("email")).startsWith("enc:v1:");
        assertThat(report.getString("content")).startsWith("enc:v1:");
        assertThat(contacts.toJson() + report.toJson()).doesNotContain("Siti Rahman", caseId + "@example.org",
                "Should I operate", "Lobectomy", "Operate first", "Surgery is right");
    }
}
