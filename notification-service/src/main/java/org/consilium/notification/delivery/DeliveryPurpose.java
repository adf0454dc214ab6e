package org.consilium.notification.delivery;

import org.consilium.events.NotificationPurpose;

/**
 * Why an email is sent: the notification purposes, plus the report. Each has its own template;
 * the {@code SendNotification.parameters} a template reads are listed per constant, all optional
 * (instants as ISO-8601 UTC, dates as ISO-8601, shown in the reader's language and {@code timeZone}).
 */
public enum DeliveryPurpose {
    /**
     * {@code missing} and {@code stale} (checklist item codes, e.g. {@code brain-mri}, separated by commas or
     * semicolons; shown by title in the reader's language, see {@code checklist/titles_<lang>.properties}; text that is
     * not a code is shown as written), {@code dueBy}, {@code timeZone}, {@code uploadUrl}.
     */
    RECORDS_REMINDER("records-reminder"),
    /** The same parameters, written for the patient's current doctor (sent only with the patient's consent). */
    RECORDS_REQUEST_TO_DOCTOR("records-request-to-doctor"),
    /** {@code reason}. */
    CASE_DECLINED("case-declined"),
    /** {@code reason}. */
    CASE_WITHDRAWN("case-withdrawn"),
    /** {@code sessionStartsAt} (instant), {@code timeZone} (IANA id, e.g. Asia/Jakarta). */
    MDT_SCHEDULED("mdt-scheduled"),
    /** {@code sessionStartsAt}, {@code timeZone} (the member's), {@code sessionId}, {@code discipline}, {@code role}. */
    MDT_INVITATION("mdt-invitation"),
    /** To the chair: {@code questionId}, {@code question}. */
    FOLLOW_UP_QUESTION("follow-up-question"),
    /** To whoever asked: {@code questionId}, {@code question}, {@code answer}, {@code answeredBy}. */
    FOLLOW_UP_ANSWERED("follow-up-answered"),
    /** From {@code DeliverReport}: the question, the first opinion and the report content. */
    REPORT("report"),
    /** The same report to a reader besides the case's contact (the patient beside her caregiver, the treating doctor). */
    REPORT_COPY("report");

    private final String template;

    DeliveryPurpose(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    public static DeliveryPurpose of(NotificationPurpose purpose) {
        return valueOf(purpose.name());
    }

    /** The notification purpose this answers in {@code NotificationDelivered}; none for the report. */
    NotificationPurpose notificationPurpose() {
        return NotificationPurpose.valueOf(name());
    }
}
