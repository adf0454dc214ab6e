package org.consilium.notification;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationAudience;
import org.consilium.events.NotificationDelivered;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;
import org.consilium.events.ReportReleased;
import org.consilium.events.SendNotification;
import org.consilium.events.Topics;
import org.consilium.notification.casefile.CaseFacts;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 §3 and §4, ADR 15: the engine's commands name a role, and notification-service decides from the case's
 * CaseSubmitted and the consents in force who reads what. Each combination of patient, caregiver and doctor, and the
 * report naming the patient whoever reads it.
 */
class WhoReceivesWhatTest extends ServiceTest {
    static final ReportContent REPORT = new ReportContent(false, "Chemo-immunotherapy before lobectomy",
            "The panel suggests treatment before the operation, then surgery.", null, List.of(), "dr-tan");

    @Autowired
    CaseFacts facts;

    @Test
    void aCaregiverActingForThePatientAndThePatientAtHerOwnAddressEachGetTheirOwnCopy() throws Exception {
        String caseId = newCaseId();
        People people = People.of(caseId, true, true, false);
        KafkaProbe.publish(people.submitted(List.of("review", "share-with-panel")));

        Envelope command = publish(command(SendNotification.to(caseId, NotificationAudience.PATIENT_SIDE,
                NotificationPurpose.MDT_SCHEDULED, Map.of("sessionStartsAt", "2026-12-10T08:00:00Z", "timeZone", "Asia/Jakarta"))));

        MimeMessage toCaregiver = Smtp.awaitOneMailTo(smtp, people.caregiver().email());
        MimeMessage toPatient = Smtp.awaitOneMailTo(smtp, people.patient().email());
        assertThat(Smtp.text(toCaregiver, "text/plain")).contains(people.caregiver().name());
        assertThat(Smtp.text(toPatient, "text/plain")).contains(people.patient().name());
        assertThat(toCaregiver.getMessageID()).as("the caregiver's is the command's delivery")
                .isEqualTo("<" + command.id() + "@consilium.local>");
        assertThat(awaitState(command.id(), DeliveryState.SENT).recipient()).isEqualTo(people.caregiver());
        assertThat(awaitState(Envelope.derivedId(command.id(), "patient"), DeliveryState.SENT).recipient())
                .isEqualTo(people.patient());

        publish(command); // redelivered: nobody gets a second copy
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                Smtp.mailsTo(smtp, people.caregiver().email()).size() == 1 && Smtp.mailsTo(smtp, people.patient().email()).size() == 1);
    }

    @Test
    void aPatientWithoutHerOwnAddressIsReachedThroughHerCaregiverOnly() {
        String caseId = newCaseId();
        People people = People.of(caseId, false, true, false);
        KafkaProbe.publish(people.submitted(List.of("review")));
        Envelope command = publish(command(SendNotification.to(caseId, NotificationAudience.PATIENT_SIDE,
                NotificationPurpose.CASE_DECLINED, Map.of("reason", "outside our scope"))));
        assertThat(awaitState(command.id(), DeliveryState.SENT).recipient()).isEqualTo(people.caregiver());
        assertThat(deliveries.findByCaseIdOrderByClaimedAtAsc(caseId).collectList().block()).hasSize(1);
    }

    @Test
    void theReportGoesToThePatientSideAndTheConsentingDoctorNamingThePatientAndOnlyOneIsTheDeliveryTheProcessAwaits()
            throws Exception {
        String caseId = newCaseId();
        People people = People.of(caseId, true, true, true);
        // the command overtakes the events it needs: it is parked until they arrive, not lost or half-sent
        Envelope command = publish(command(DeliverReport.of(caseId, 2, "Asia/Jakarta")));
        KafkaProbe.publish(people.submitted(List.of("review", "share-with-panel", "contact-current-doctor")));
        KafkaProbe.publish(new ReportReleased(caseId, 2, REPORT, "cora.nolan", Instant.now()));

        MimeMessage toCaregiver = Smtp.awaitOneMailTo(smtp, people.caregiver().email());
        MimeMessage toPatient = Smtp.awaitOneMailTo(smtp, people.patient().email());
        MimeMessage toDoctor = Smtp.awaitOneMailTo(smtp, people.doctor().email());
        for (MimeMessage mail : List.of(toCaregiver, toPatient, toDoctor)) {
            List<Smtp.File> pdfs = Smtp.attachments(mail);
            assertThat(pdfs).hasSize(2);
            assertThat(pdfText(pdfs.get(1))).as("the clinician report names the patient, whoever reads it")
                    .contains("Patient: " + people.patient().name(), "Chemo-immunotherapy before lobectomy")
                    .doesNotContain(people.caregiver().name());
            assertThat(Smtp.text(mail, "text/plain")).contains("Should I operate first?");
        }
        assertThat(Smtp.text(toDoctor, "text/plain")).contains(people.doctor().name());

        ReportDelivered delivered = KafkaProbe.awaitPublished(MessageType.REPORT_DELIVERED, caseId, ReportDelivered.class);
        assertThat(delivered.commandId()).isEqualTo(command.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId).size() == 2);
        assertThat(KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId)).extracting(e -> ((NotificationDelivered) e.payload()).purpose())
                .containsOnly(NotificationPurpose.REPORT_COPY);
        assertThat(KafkaProbe.envelopes(MessageType.REPORT_DELIVERED, caseId)).as("one ReportDelivered: the copies are not it")
                .hasSize(1);
    }

    @Test
    void theDoctorIsWrittenToOnlyWhileTheConsentLasts() {
        String caseId = newCaseId();
        People people = People.of(caseId, true, false, true);
        KafkaProbe.publish(people.submitted(List.of("review", "contact-current-doctor")));
        Map<String, String> parameters = Map.of("missing", "pathology-report", "timeZone", "Asia/Jakarta");
        Envelope asked = publish(command(SendNotification.to(caseId, NotificationAudience.CURRENT_DOCTOR,
                NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, parameters)));
        assertThat(awaitState(Envelope.derivedId(asked.id(), "doctor"), DeliveryState.SENT).recipient()).isEqualTo(people.doctor());

        KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CONTACT_CURRENT_DOCTOR, false, Instant.now()));
        // an older decision redelivered late does not bring the consent back
        KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CONTACT_CURRENT_DOCTOR, true, Instant.now().minusSeconds(3600)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !consentGranted(caseId));
        Envelope again = publish(command(SendNotification.to(caseId, NotificationAudience.CURRENT_DOCTOR,
                NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, parameters)));
        // one partition per case: once the reminder after it is sent, the doctor's command was handled
        Envelope after = publish(command(SendNotification.to(caseId, NotificationAudience.PATIENT_SIDE,
                NotificationPurpose.RECORDS_REMINDER, parameters)));
        awaitState(after.id(), DeliveryState.SENT);
        assertThat(deliveries.findById(Envelope.derivedId(again.id(), "doctor")).blockOptional()).isEmpty();
        assertThat(Smtp.mailsTo(smtp, people.doctor().email())).hasSize(1);
    }

    @Test
    void aCaseWithNoAddressForAnyoneOnThePatientSideIsADeadLetterNotASilentDrop() {
        String caseId = newCaseId();
        People people = People.of(caseId, false, false, false);
        KafkaProbe.publish(people.submitted(List.of("review")));
        Envelope command = publish(command(SendNotification.to(caseId, NotificationAudience.PATIENT_SIDE,
                NotificationPurpose.MDT_SCHEDULED, Map.of())));
        String deadLetters = "error." + Topics.NOTIFICATION_COMMANDS + ".notification-service";
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.records(deadLetters).stream()
                .anyMatch(r -> caseId.equals(r.key())));
        assertThat(deliveries.findById(command.id()).blockOptional()).isEmpty();
    }

    private boolean consentGranted(String caseId) {
        return facts.contacts(caseId).blockOptional().map(c -> c.consents().get(ConsentChanged.CONTACT_CURRENT_DOCTOR).granted())
                .orElse(true);
    }

    private static String pdfText(Smtp.File pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** A case's people, each with an address unique to the case; a missing one has no address. */
    record People(String caseId, Recipient patient, Recipient caregiver, Recipient doctor) {
        static People of(String caseId, boolean patientEmail, boolean caregiver, boolean doctor) {
            return new People(caseId, new Recipient("Budi Santoso", patientEmail ? "budi." + caseId + "@example.org" : null, "en"),
                    caregiver ? new Recipient("Siti Santoso", "siti." + caseId + "@example.org", "en") : null,
                    doctor ? new Recipient("Dr Karim Hadi", "karim." + caseId + "@hospital.example", "en") : null);
        }

        CaseSubmitted submitted(List<String> consents) {
            return new CaseSubmitted(caseId, "lung", "MAJOR_SURGERY", LocalDate.now().plusDays(20), "Should I operate first?",
                    "Lobectomy then chemotherapy", caregiver != null ? caregiver : patient, List.of("en"), "Asia/Jakarta", "ID",
                    Instant.now(), null, List.of(), consents, doctor, List.of(), patient, caregiver);
        }
    }
}
