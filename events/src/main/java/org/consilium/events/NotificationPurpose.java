package org.consilium.events;

/** Why a notification is sent; each purpose has its own template. */
public enum NotificationPurpose {
    RECORDS_REMINDER,
    /** The records reminder as the patient's current doctor gets it, sent only with the patient's consent. */
    RECORDS_REQUEST_TO_DOCTOR,
    CASE_DECLINED, CASE_WITHDRAWN, MDT_SCHEDULED,
    /** A panel member's invitation to the session, in their own time zone, with the .ics entry. */
    MDT_INVITATION,
    /** To the chair: a follow-up question from the patient waits for their answer (sent by mdt-scheduler). */
    FOLLOW_UP_QUESTION,
    /** The chair's answer, to whoever asked the follow-up question (sent by mdt-scheduler). */
    FOLLOW_UP_ANSWERED,
    /**
     * The released report to a reader besides the case's contact: the patient at her own address when a caregiver
     * acts for her, the treating doctor with her consent (notification-service sends these from one DeliverReport).
     */
    REPORT_COPY
}
