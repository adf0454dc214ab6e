package org.consilium.console.caseview;

import java.util.List;

import org.consilium.events.CaseAccepted;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.DocumentReceived;
import org.consilium.events.Envelope;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.NotificationDelivered;
import org.consilium.events.OpinionSubmitted;
import org.consilium.events.PanelChanged;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.ReportReleased;
import org.consilium.events.RequestRecords;
import org.consilium.events.ScheduleReview;
import org.consilium.events.SendNotification;
import org.consilium.events.TaskAssigned;
import org.consilium.events.TaskClosed;
import org.consilium.events.TaskOpened;

/**
 * One line per event for the case's timeline, from its codes, counts, ids and dates only. Written per type on purpose:
 * a generic dump of the payload would copy what intake and mdt-scheduler seal (the patient's name and address in
 * CaseSubmitted and SendNotification, the question and the report's text in DeliverReport and ReportReleased, a
 * decline's or withdrawal's reason in the patient's words).
 */
final class TimelineLines {
    private TimelineLines() {
    }

    /** {@code /consilium/records-service} → {@code records-service}. */
    static String service(String source) {
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String trimmed = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static String summary(Envelope event, CaseView before) {
        return switch (event.type()) {
            case CASE_SUBMITTED -> {
                CaseSubmitted s = event.payload(CaseSubmitted.class);
                yield "Request submitted: " + words(s.cancerType()) + ", " + count(s.documents().size(), "document")
                        + " attached, " + count(s.consents().size(), "consent") + " given";
            }
            case CASE_ACCEPTED -> {
                CaseAccepted a = event.payload(CaseAccepted.class);
                yield "Accepted after triage: " + words(a.urgency().name()) + ", panel of "
                        + count(a.disciplines().size(), "discipline");
            }
            case CASE_DECLINED -> "Declined (the reason is with intake)";
            case CASE_WITHDRAWN -> "Withdrawn (the reason is with intake)";
            case CONSENT_CHANGED -> {
                ConsentChanged c = event.payload(ConsentChanged.class);
                yield "Consent " + (c.granted() ? "given" : "withdrawn") + ": " + words(c.purpose());
            }
            case REQUEST_RECORDS -> "Records requested, due by " + event.payload(RequestRecords.class).dueBy();
            case DOCUMENT_RECEIVED -> {
                DocumentReceived d = event.payload(DocumentReceived.class);
                yield "Document received for " + words(d.checklistItem())
                        + (d.contentType() == null ? "" : " (" + d.contentType() + ")");
            }
            case RECORDS_COMPLETED -> "Records complete: "
                    + count(event.payload(RecordsCompleted.class).documentCount(), "document");
            case RECORDS_INCOMPLETE -> {
                RecordsIncomplete r = event.payload(RecordsIncomplete.class);
                yield "Records incomplete: " + list("missing", r.missingItems()) + list("; stale", r.staleItems());
            }
            case SCHEDULE_REVIEW -> "Review requested: panel of "
                    + count(event.payload(ScheduleReview.class).disciplines().size(), "discipline");
            case MDT_SCHEDULED -> {
                MdtScheduled m = event.payload(MdtScheduled.class);
                yield "Panel scheduled: session " + m.sessionId() + " at " + m.sessionStartsAt() + ", "
                        + count(m.panel() == null ? 0 : m.panel().size(), "member");
            }
            case PANEL_CHANGED -> {
                PanelChanged p = event.payload(PanelChanged.class);
                yield "Panel changed: " + count(p.panel() == null ? 0 : p.panel().size(), "member");
            }
            case OPINION_SUBMITTED -> {
                OpinionSubmitted o = event.payload(OpinionSubmitted.class);
                yield "Opinion given by " + o.specialistId() + " (" + words(o.discipline()) + ")";
            }
            case MDT_CONCLUDED -> "Panel concluded: "
                    + (event.payload(MdtConcluded.class).report().confirmsFirstOpinion() ? "confirms" : "differs from")
                    + " the first opinion";
            case REPORT_RELEASED -> {
                ReportReleased r = event.payload(ReportReleased.class);
                yield "Report version " + r.version() + " released" + (r.releasedBy() == null ? "" : " by " + r.releasedBy());
            }
            case SEND_NOTIFICATION -> "Notice sent for delivery: "
                    + words(event.payload(SendNotification.class).purpose().name());
            case DELIVER_REPORT -> "Report sent for delivery";
            case NOTIFICATION_DELIVERED -> "Notice delivered: "
                    + words(event.payload(NotificationDelivered.class).purpose().name());
            case REPORT_DELIVERED -> "Report delivered";
            case CASE_STEP_FAILED -> {
                CaseStepFailed f = event.payload(CaseStepFailed.class);
                yield "Step failed: " + f.step() + " in " + f.service();
            }
            case CANCEL_CASE -> "Work in flight cancelled";
            case TASK_OPENED -> "Task opened: " + event.payload(TaskOpened.class).name();
            case TASK_ASSIGNED -> {
                TaskAssigned a = event.payload(TaskAssigned.class);
                String name = before.task(a.taskId()).map(OpenTaskView::name).orElse("a task");
                yield a.assignee() == null ? name + " given back" : name + " assigned to " + a.assignee();
            }
            case TASK_CLOSED -> {
                TaskClosed c = event.payload(TaskClosed.class);
                String name = before.task(c.taskId()).map(OpenTaskView::name).orElse("A task");
                yield c.completed() ? name + " completed" + (c.by() == null ? "" : " by " + c.by()) : name + " cancelled";
            }
            // a type added later shows by its name until it has a line of its own: never its payload
            default -> event.type().messageName();
        };
    }

    private static String words(String code) {
        return code == null ? "unknown" : code.toLowerCase().replace('_', ' ').replace('-', ' ');
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String list(String label, List<String> items) {
        return items == null || items.isEmpty() ? "" : label + " " + String.join(", ", items.stream().map(TimelineLines::words).toList());
    }
}
