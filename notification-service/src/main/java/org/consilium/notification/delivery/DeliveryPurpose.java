package org.consilium.notification.delivery;

import org.consilium.events.NotificationPurpose;

/**
 * Why an email is sent: the notification purposes, plus the report. Each has its own template; the
 * {@code SendNotification.parameters} a template may read are declared by {@link NotificationPurpose#parameters()}
 * (all optional; instants as ISO-8601 UTC, dates as ISO-8601, shown in the reader's language and {@code timeZone};
 * {@code TemplateParametersTest} checks the templates read nothing else).
 */
public enum DeliveryPurpose {
    RECORDS_REMINDER("records-reminder"),
    /** The same parameters, written for the patient's current doctor (sent only with the patient's consent). */
    RECORDS_REQUEST_TO_DOCTOR("records-request-to-doctor"),
    CASE_DECLINED("case-declined"),
    CASE_WITHDRAWN("case-withdrawn"),
    MDT_SCHEDULED("mdt-scheduled"),
    /** The member's own {@code timeZone}. */
    MDT_INVITATION("mdt-invitation"),
    /** A guest specialist's: the member's invitation with the signed link to the case's brief, in their own {@code timeZone}. */
    GUEST_INVITATION("guest-invitation"),
    FOLLOW_UP_QUESTION("follow-up-question"),
    FOLLOW_UP_ANSWERED("follow-up-answered"),
    /** Sent by intake to a patient whose hospital sent her case without her consent and question. */
    PATIENT_ANSWERS_REQUESTED("patient-answers-requested"),
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
