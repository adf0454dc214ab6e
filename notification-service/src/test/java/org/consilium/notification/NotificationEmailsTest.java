package org.consilium.notification;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationDelivered;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;
import org.consilium.events.SendNotification;
import org.consilium.events.Topics;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What each command renders and sends, what it publishes, and what the HTTP API shows. */
class NotificationEmailsTest extends ServiceTest {

    static final Map<NotificationPurpose, String> SUBJECTS = Map.of(
            NotificationPurpose.RECORDS_REMINDER, "We are still waiting for some of your records",
            NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, "Records requested for a patient's second-opinion review",
            NotificationPurpose.CASE_DECLINED, "Your request for a second opinion",
            NotificationPurpose.CASE_WITHDRAWN, "Your case has been withdrawn",
            NotificationPurpose.MDT_SCHEDULED, "Your case is scheduled for MDT review",
            NotificationPurpose.MDT_INVITATION, "MDT review invitation: case %s",
            NotificationPurpose.GUEST_INVITATION, "Guest invitation to an MDT review: case %s",
            NotificationPurpose.FOLLOW_UP_QUESTION, "A follow-up question waits for your answer: case %s",
            NotificationPurpose.FOLLOW_UP_ANSWERED, "The panel has answered your question",
            NotificationPurpose.PATIENT_ANSWERS_REQUESTED, "Your hospital asked us for a second opinion for you");

    static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("missing", "brain MRI, EGFR/ALK results"),
            Map.entry("dueBy", "2026-12-01"), Map.entry("reason", "Treatment will continue at the local hospital"),
            Map.entry("sessionStartsAt", "2026-12-08T02:00:00Z"), Map.entry("timeZone", "Asia/Jakarta"),
            Map.entry("questionId", "q1"), Map.entry("question", "Can I travel before the operation?"),
            Map.entry("answer", "Yes, a short trip is fine."), Map.entry("answeredBy", "Dr Tan Wei Ming"),
            Map.entry("institution", "Mercy Hospital Boston"),
            Map.entry("link", "http://localhost:8083/reviews/c-1/guest?link=abc.def"),
            Map.entry("linkExpiresAt", "2026-12-28T00:00:00Z"));

    /** What each purpose's email must say beyond the greeting: a parameter, rendered for the reader. */
    static final Map<NotificationPurpose, String> SAYS = Map.of(
            NotificationPurpose.RECORDS_REMINDER, "EGFR/ALK results",
            NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, "EGFR/ALK results",
            NotificationPurpose.CASE_DECLINED, "Treatment will continue at the local hospital",
            NotificationPurpose.CASE_WITHDRAWN, "Treatment will continue at the local hospital",
            NotificationPurpose.MDT_SCHEDULED, "December 8, 2026",
            NotificationPurpose.MDT_INVITATION, "December 8, 2026",
            NotificationPurpose.GUEST_INVITATION, "/guest?link=abc.def",
            NotificationPurpose.FOLLOW_UP_QUESTION, "Can I travel before the operation?",
            NotificationPurpose.FOLLOW_UP_ANSWERED, "Yes, a short trip is fine.",
            NotificationPurpose.PATIENT_ANSWERS_REQUESTED, "Mercy Hospital Boston has");

    @ParameterizedTest
    @EnumSource(value = NotificationPurpose.class, mode = EnumSource.Mode.EXCLUDE, names = "REPORT_COPY")
    void eachPurposeSendsOneEmailWithItsSubjectToItsRecipient(NotificationPurpose purpose) throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"), purpose, PARAMETERS)));

        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(mail.getSubject()).isEqualTo(SUBJECTS.get(purpose).formatted(caseId));
        assertThat(mail.getFrom()[0].toString()).contains("care-team@consilium.local");
        assertThat(mail.getMessageID()).isEqualTo("<" + command.id() + "@consilium.local>");
        if (purpose == NotificationPurpose.MDT_SCHEDULED || purpose == NotificationPurpose.MDT_INVITATION
                || purpose == NotificationPurpose.GUEST_INVITATION) {
            // the calendar entry makes it multipart/mixed; the bodies stay multipart/alternative inside
            assertThat(mail.getContentType()).startsWith("multipart/mixed");
            assertThat(Smtp.attachments(mail)).extracting(Smtp.File::name).containsExactly("consilium-mdt-" + caseId + ".ics");
        } else {
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            assertThat(Smtp.attachments(mail)).isEmpty();
        }
        String text = Smtp.part(mail, "text/plain");
        String html = Smtp.part(mail, "text/html");
        assertThat(text).contains("Dear Siti Rahman", SAYS.get(purpose), caseId).doesNotContain("${", "[(");
        assertThat(html).contains("Siti Rahman", SAYS.get(purpose)).doesNotContain("th:text", "th:if");

        NotificationDelivered delivered = KafkaProbe.awaitPublished(MessageType.NOTIFICATION_DELIVERED, caseId,
                NotificationDelivered.class);
        assertThat(delivered.commandId()).isEqualTo(command.id());
        assertThat(delivered.purpose()).isEqualTo(purpose);
        Delivery delivery = awaitState(command.id(), DeliveryState.SENT);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.language()).isEqualTo("en");
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
    }

    @Test
    void deliverReportSendsTheReportAndPublishesReportDeliveredOnce() throws Exception {
        String caseId = newCaseId();
        ReportContent report = new ReportContent(false, "Chemo-immunotherapy before lobectomy",
                "The panel suggests treatment before the operation, then surgery.",
                "EGFR/ALK and PD-L1 results changed the picture; they were not available to the first team.",
                List.of("The thoracic surgeon would operate first"), "Dr Tan, chair");
        Envelope command = publish(command(new DeliverReport(caseId, recipient(caseId, "en"),
                "Should I have chemotherapy or immunotherapy before the operation?", "Lobectomy then chemotherapy", report)));

        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(mail.getSubject()).isEqualTo("Your second-opinion report is ready");
        assertThat(mail.getMessageID()).isEqualTo("<" + command.id() + "@consilium.local>");
        for (String body : List.of(Smtp.text(mail, "text/plain"), Smtp.text(mail, "text/html"))) {
            assertThat(body).contains("Should I have chemotherapy or immunotherapy before the operation?",
                    "Lobectomy then chemotherapy", "differs from the first opinion",
                    "Chemo-immunotherapy before lobectomy", "The panel suggests treatment before the operation",
                    "they were not available to the first team", "The thoracic surgeon would operate first", "Dr Tan, chair",
                    "decisions about your treatment stay with you and your treating team");
        }

        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        List<Smtp.File> files = Smtp.attachments(mail);
        assertThat(files).extracting(Smtp.File::name).containsExactly("consilium-report-" + caseId + "-en.pdf",
                "consilium-report-" + caseId + "-clinician.pdf");
        assertThat(files).allSatisfy(file -> assertThat(file.contentType()).startsWith("application/pdf"));
        assertThat(pdfText(files.get(0))).contains("Your second-opinion report", "Chemo-immunotherapy before lobectomy",
                "The thoracic surgeon would operate first", "Not provided");
        assertThat(pdfText(files.get(1))).contains("clinician version", "DIFFERS", "Chemo-immunotherapy before lobectomy",
                "they were not available to the first team", "Dr Tan, chair");

        ReportDelivered delivered = KafkaProbe.awaitPublished(MessageType.REPORT_DELIVERED, caseId, ReportDelivered.class);
        assertThat(delivered.commandId()).isEqualTo(command.id());
        assertThat(awaitState(command.id(), DeliveryState.SENT).attachments()).containsExactly(
                "consilium-report-" + caseId + "-en.pdf", "consilium-report-" + caseId + "-clinician.pdf");
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.records(Topics.NOTIFICATION_EVENTS).stream()
                .filter(r -> caseId.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(header(record, "ce_type")).isEqualTo(MessageType.REPORT_DELIVERED.ceType());
        assertThat(header(record, "ce_source")).isEqualTo("/consilium/notification-service");
        assertThat(header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(header(record, "ce_id")).isEqualTo(Envelope.derivedId(command.id(), "delivered"));
        assertThat(CloudEventCodec.read(record.headers(), record.value()).payload()).isEqualTo(delivered);
        assertThat(awaitState(command.id(), DeliveryState.SENT).sentAt()).isPresent();
    }

    @Test
    void aChineseReadersReportIsWrittenInChineseAndCarriesTheChinesePlainLanguagePdf() throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new DeliverReport(caseId, recipient(caseId, "zh-CN"), "我应该先做手术吗？",
                "肺叶切除术", new ReportContent(true, "按原计划进行肺叶切除术", "专家小组同意您的医生的方案。", null,
                List.of(), "林医生"))));

        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(mail.getSubject()).isEqualTo("您的第二诊疗意见报告已出具");
        assertThat(mail.getHeader("Content-Language")).containsExactly("zh");
        assertThat(Smtp.text(mail, "text/plain")).contains("专家小组同意您之前得到的第一诊疗意见",
                "按原计划进行肺叶切除术", "林医生");
        assertThat(Smtp.text(mail, "text/html")).contains("专家小组同意您之前得到的第一诊疗意见", "按原计划进行肺叶切除术");
        List<Smtp.File> files = Smtp.attachments(mail);
        assertThat(files).extracting(Smtp.File::name).containsExactly("consilium-report-" + caseId + "-zh.pdf",
                "consilium-report-" + caseId + "-clinician.pdf");
        assertThat(pdfText(files.get(0))).contains("您的第二诊疗意见报告", "专家小组同意您之前得到的第一诊疗意见",
                "按原计划进行肺叶切除术", "林医生", "未提供");
        assertThat(pdfText(files.get(1))).contains("CONFIRMS", "按原计划进行肺叶切除术");
        awaitState(command.id(), DeliveryState.SENT);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
    }

    @Test
    void anMdtSessionNoticeCarriesACalendarEntryThatParsesBack() throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of("sessionStartsAt", "2026-12-08T02:00:00Z",
                        "timeZone", "Asia/Jakarta", "sessionId", "thoracic-2026-12-08", "duration", "PT20M"))));

        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(Smtp.text(mail, "text/plain")).contains("Tuesday, December 8, 2026", "9:00", "(Western Indonesia Time)",
                "2026-12-08T02:00:00Z UTC", "calendar entry");
        List<Smtp.File> files = Smtp.attachments(mail);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).name()).isEqualTo("consilium-mdt-" + caseId + ".ics");
        assertThat(files.get(0).contentType()).startsWith("text/calendar").contains("method=PUBLISH");

        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.ByteArrayInputStream(files.get(0).content()));
        net.fortuna.ical4j.model.component.VEvent event = calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents(
                net.fortuna.ical4j.model.Component.VEVENT).get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("mdt-" + caseId + "-thoracic-2026-12-08@consilium.local");
        assertThat(icsValue(event, "DTSTART")).isEqualTo("20261208T020000Z");
        assertThat(icsValue(event, "DURATION")).isEqualTo("PT20M");
        assertThat(icsValue(event, "SUMMARY")).contains("MDT review", caseId);
        assertThat(icsValue(event, "DESCRIPTION")).contains("does not need to attend");
        assertThat(awaitState(command.id(), DeliveryState.SENT).attachments()).containsExactly("consilium-mdt-" + caseId + ".ics");
    }

    @Test
    void writesInEnglishWhenTheRecipientsLanguageHasNoTemplate() throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "ms"),
                NotificationPurpose.RECORDS_REMINDER, Map.of("missing", "brain MRI"))));

        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(mail.getSubject()).isEqualTo("We are still waiting for some of your records");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        assertThat(awaitState(command.id(), DeliveryState.SENT).language()).isEqualTo("en");
    }

    /** {@code qaa} (reserved for local use) exists only under src/test/resources/mail: adding a language is adding files. */
    @Test
    void writesInTheRecipientsLanguageWhenItsTemplatesExist() throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "qaa-ID"),
                NotificationPurpose.RECORDS_REMINDER, Map.of("missing", "brain MRI"))));

        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(mail.getSubject()).isEqualTo("qaa: records reminder");
        assertThat(Smtp.part(mail, "text/plain")).contains("qaa: Siti Rahman / brain MRI");
        assertThat(awaitState(command.id(), DeliveryState.SENT).language()).isEqualTo("qaa");
    }

    @Test
    void showsTheDeliveriesOfACase() {
        String caseId = newCaseId();
        Envelope reminder = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.RECORDS_REMINDER, Map.of("missing", "brain MRI"))));
        Envelope scheduled = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of())));
        awaitState(scheduled.id(), DeliveryState.SENT);

        http.get().uri("/deliveries?caseId={caseId}", caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(reminder.id())
                .jsonPath("$[0].purpose").isEqualTo("RECORDS_REMINDER")
                .jsonPath("$[0].recipient.email").isEqualTo(caseId + "@example.org")
                .jsonPath("$[0].state").isEqualTo("SENT")
                .jsonPath("$[0].attempts").isEqualTo(1)
                .jsonPath("$[0].sentAt").isNotEmpty()
                .jsonPath("$[1].id").isEqualTo(scheduled.id())
                .jsonPath("$[1].subject").isEqualTo("Your case is scheduled for MDT review");
        http.get().uri("/deliveries/{id}", reminder.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.messageId").isEqualTo("<" + reminder.id() + "@consilium.local>");
        http.get().uri("/deliveries/{id}", "no-such-command").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-found");
        http.get().uri("/deliveries?caseId={caseId}", "case-nobody-knows").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/deliveries").exchange().expectStatus().isBadRequest();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/deliveries/{id}']").exists();
    }

    @Test
    void countsEmailsByPurposeAndDeliveriesByState() {
        String caseId = newCaseId();
        double before = count("consilium.notification.emails.sent", "CASE_DECLINED");
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_DECLINED, Map.of())));
        awaitState(command.id(), DeliveryState.SENT);

        assertThat(count("consilium.notification.emails.sent", "CASE_DECLINED")).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                meters.get("consilium.notification.deliveries").tag("state", "SENT").gauge().value() > 0);
        // three bindings' Kafka client metrics outgrow the client's default 256 KB buffer
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("consilium_notification_emails_sent_total{application=\"notification-service\",purpose=\"CASE_DECLINED\"}")
                        .contains("consilium_notification_deliveries_unconfirmed_total")
                        .contains("consilium_notification_deliveries{application=\"notification-service\",state=\"UNCONFIRMED\"}"));
    }

    private static String icsValue(net.fortuna.ical4j.model.component.VEvent event, String property) {
        return event.<net.fortuna.ical4j.model.Property>getProperty(property).orElseThrow().getValue();
    }

    private static String pdfText(Smtp.File pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.content())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
