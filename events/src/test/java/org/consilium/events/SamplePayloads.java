package org.consilium.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One realistic payload of every message type, for round-trip tests. */
final class SamplePayloads {
    static final String CASE = "case-lung-jakarta";
    static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");
    static final Recipient CONTACT = new Recipient("Siti Rahman", "siti@example.org", "id");
    static final ReportContent REPORT = new ReportContent(false, "Neoadjuvant chemo-immunotherapy before lobectomy",
            "The panel suggests treatment before the operation.", "EGFR/ALK results were missing",
            List.of("Thoracic surgeon prefers upfront surgery"), "dr-tan");

    private SamplePayloads() {
    }

    static CaseMessage of(MessageType type) {
        return switch (type) {
            case CASE_SUBMITTED -> new CaseSubmitted(CASE, "lung", "MAJOR_SURGERY", LocalDate.of(2026, 12, 7),
                    "Chemotherapy or immunotherapy before the operation?", "Lobectomy then chemotherapy", CONTACT,
                    List.of("id", "en"), "Asia/Jakarta", "ID", AT, "RS Jakarta",
                    List.of(new SubmittedDocument("6650f0c2a1b2c3d4e5f60718", "CT chest", "application/pdf", 48213,
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", LocalDate.of(2026, 11, 2),
                            List.of("http://loinc.org|24627-2"))),
                    List.of("review", "share-with-panel", "contact-current-doctor"),
                    new Recipient("Dr Hartono", "hartono@rs-jakarta.example", "en"));
            case CASE_WITHDRAWN -> new CaseWithdrawn(CASE, "treated locally", AT);
            case CASE_ACCEPTED -> new CaseAccepted(CASE, Urgency.URGENT, List.of("thoracic-surgeon", "pathologist"), AT);
            case CASE_DECLINED -> new CaseDeclined(CASE, "out of scope", AT);
            case CONSENT_CHANGED -> new ConsentChanged(CASE, ConsentChanged.CONTACT_CURRENT_DOCTOR, false, AT);
            case REQUEST_RECORDS -> new RequestRecords(CASE, "lung", Urgency.URGENT, AT);
            case DOCUMENT_RECEIVED -> new DocumentReceived(CASE, "doc-1", "pathology-report", "application/pdf", 1234L,
                    "ab".repeat(32), AT);
            case RECORDS_COMPLETED -> new RecordsCompleted(CASE, 5, AT);
            case RECORDS_INCOMPLETE -> new RecordsIncomplete(CASE, List.of("brain-mri"), List.of("ct-chest-abdomen"), AT);
            case SCHEDULE_REVIEW -> new ScheduleReview(CASE, "lung", Urgency.URGENT, List.of("pathologist"),
                    List.of("id", "en"), "Asia/Jakarta", "question", "first opinion", "ID", "RS Jakarta");
            case MDT_SCHEDULED -> new MdtScheduled(CASE, "session-1", AT,
                    List.of(new PanelMember("dr-tan", "Dr Tan", "thoracic-surgeon", "Asia/Singapore", true)));
            case PANEL_CHANGED -> new PanelChanged(CASE, "session-1",
                    List.of(new PanelMember("dr-lim", "Dr Lim", "thoracic-surgeon", "Asia/Singapore", true)), AT);
            case OPINION_SUBMITTED -> new OpinionSubmitted(CASE, "dr-tan", "thoracic-surgeon", false, AT);
            case MDT_CONCLUDED -> new MdtConcluded(CASE, REPORT, AT);
            case REPORT_RELEASED -> new ReportReleased(CASE, 2, new ReportContent(false, "Neoadjuvant chemo-immunotherapy",
                    "Medicine first, then the operation.", "Molecular results were missing", List.of("Dr Lee: surgery first"),
                    "Dr Tan", List.of(new ReportConcern("Will I lose my lung?", "Most likely only one lobe.")),
                    new ReportComparison("Same histology", null, true, List.of(new ReportComparison.Option(
                            "Lobectomy first", "Treatment starts sooner", "Micrometastases untreated")), true),
                    List.of("PD-L1"), List.of("Smoking cessation")), "coordinator.lee", AT);
            case SEND_NOTIFICATION -> new SendNotification(CASE, CONTACT, NotificationPurpose.RECORDS_REMINDER,
                    Map.of("missing", "brain MRI"));
            case DELIVER_REPORT -> new DeliverReport(CASE, CONTACT, "question", "first opinion", REPORT, "Asia/Jakarta");
            case NOTIFICATION_DELIVERED -> new NotificationDelivered(CASE, "cmd-1", NotificationPurpose.MDT_SCHEDULED, AT);
            case REPORT_DELIVERED -> new ReportDelivered(CASE, "cmd-2", AT);
            case TASK_OPENED -> new TaskOpened(CASE, "task-1", "ReviewIntake", "Review intake", "pi-1", null, "URGENT",
                    AT, null, AT.plusSeconds(86_400));
            case TASK_ASSIGNED -> new TaskAssigned(CASE, "task-1", "cora.nolan", AT);
            case TASK_CLOSED -> new TaskClosed(CASE, "task-1", true, "cora.nolan", AT);
            case CANCEL_CASE -> new CancelCase(CASE, "withdrawn by patient");
            case CASE_STEP_FAILED -> new CaseStepFailed(CASE, "notification-service", "DeliverReport",
                    "dead-lettered after its retries: SAXParseException",
                    new CaseStepFailed.DeadLetter("error.consilium.notification.commands.notification-service", 1, 42L,
                            Topics.NOTIFICATION_COMMANDS), AT);
        };
    }
}
