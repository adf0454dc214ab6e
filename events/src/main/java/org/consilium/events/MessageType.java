package org.consilium.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one place that names every event and command: its CloudEvents type, its topics, and the
 * BPMN message name (equal to the payload's simple class name). A breaking change is a new
 * constant with version 2, never an edit of an existing one.
 */
public enum MessageType {
    CASE_SUBMITTED(CaseSubmitted.class, "case", 1, Topics.CASE_EVENTS),
    CASE_WITHDRAWN(CaseWithdrawn.class, "case", 1, Topics.CASE_EVENTS),
    CASE_ACCEPTED(CaseAccepted.class, "case", 1, Topics.CASE_EVENTS),
    CASE_DECLINED(CaseDeclined.class, "case", 1, Topics.CASE_EVENTS),
    CONSENT_CHANGED(ConsentChanged.class, "case", 1, Topics.CASE_EVENTS),
    REQUEST_RECORDS(RequestRecords.class, "records", 1, Topics.RECORDS_COMMANDS),
    DOCUMENT_RECEIVED(DocumentReceived.class, "records", 1, Topics.RECORDS_EVENTS),
    RECORDS_COMPLETED(RecordsCompleted.class, "records", 1, Topics.RECORDS_EVENTS),
    RECORDS_INCOMPLETE(RecordsIncomplete.class, "records", 1, Topics.RECORDS_EVENTS),
    SCHEDULE_REVIEW(ScheduleReview.class, "mdt", 1, Topics.MDT_COMMANDS),
    MDT_SCHEDULED(MdtScheduled.class, "mdt", 1, Topics.MDT_EVENTS),
    PANEL_CHANGED(PanelChanged.class, "mdt", 1, Topics.MDT_EVENTS),
    OPINION_SUBMITTED(OpinionSubmitted.class, "mdt", 1, Topics.MDT_EVENTS),
    MDT_CONCLUDED(MdtConcluded.class, "mdt", 1, Topics.MDT_EVENTS),
    REPORT_RELEASED(ReportReleased.class, "mdt", 1, Topics.MDT_EVENTS),
    SEND_NOTIFICATION(SendNotification.class, "notification", 1, Topics.NOTIFICATION_COMMANDS),
    DELIVER_REPORT(DeliverReport.class, "notification", 1, Topics.NOTIFICATION_COMMANDS),
    NOTIFICATION_DELIVERED(NotificationDelivered.class, "notification", 1, Topics.NOTIFICATION_EVENTS),
    REPORT_DELIVERED(ReportDelivered.class, "notification", 1, Topics.NOTIFICATION_EVENTS),
    CASE_STEP_FAILED(CaseStepFailed.class, "case", 1, Topics.CASE_FAILURES),
    /** The process's coordinator tasks, published by bpmn's task outbox for read models (the console's worklist). */
    TASK_OPENED(TaskOpened.class, "task", 1, Topics.TASK_EVENTS),
    TASK_ASSIGNED(TaskAssigned.class, "task", 1, Topics.TASK_EVENTS),
    TASK_CLOSED(TaskClosed.class, "task", 1, Topics.TASK_EVENTS),
    /** Sent by the process to every service that holds work in flight for the case. */
    CANCEL_CASE(CancelCase.class, "case", 1, Topics.RECORDS_COMMANDS, Topics.MDT_COMMANDS);

    private final Class<? extends CaseMessage> payloadType;
    private final String context;
    private final int version;
    private final List<String> topics;

    MessageType(Class<? extends CaseMessage> payloadType, String context, int version, String... topics) {
        this.payloadType = payloadType;
        this.context = context;
        this.version = version;
        this.topics = List.of(topics);
    }

    /** CloudEvents {@code type}, e.g. {@code org.consilium.records.RecordsCompleted.v1}. */
    public String ceType() {
        return "org.consilium." + context + "." + messageName() + ".v" + version;
    }

    /** The BPMN message name: the payload's simple name, e.g. {@code RecordsCompleted}. */
    public String messageName() {
        return payloadType.getSimpleName();
    }

    public Class<? extends CaseMessage> payloadType() {
        return payloadType;
    }

    public List<String> topics() {
        return topics;
    }

    public static Optional<MessageType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static MessageType of(CaseMessage payload) {
        return of(payload.getClass());
    }

    public static MessageType of(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Consilium message: " + payloadType.getName()));
    }
}
