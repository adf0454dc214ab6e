package org.consilium.events;

/**
 * Whom a notification about a case is for, when the sender names a role instead of a person: the engine
 * holds no names or addresses (issue 11), so notification-service finds the people from the case's
 * {@link CaseSubmitted} and the consents in force (ADR 15).
 */
public enum NotificationAudience {
    /** The patient at her own address, and the caregiver acting for her: each gets their own copy. */
    PATIENT_SIDE,
    /** The patient's treating doctor, only while the patient consents to {@code contact-current-doctor}. */
    CURRENT_DOCTOR
}
