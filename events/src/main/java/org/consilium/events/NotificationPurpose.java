package org.consilium.events;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a notification is sent; each purpose has its own template, and declares the {@code SendNotification.parameters}
 * it may carry. The declaration is the contract between the senders (the engine, mdt-scheduler, intake) and
 * notification-service's templates: a parameter sent under another name than the template reads is lost without a
 * word (the decline reason was, as {@code declineReason}), so senders refuse undeclared names and notification-service's
 * tests check that its templates read declared ones only. Instants are ISO-8601 UTC, dates ISO-8601; the templates
 * also see {@code <name>Local} for each, written for the reader.
 */
public enum NotificationPurpose {
    /** {@code missing}, {@code stale}: checklist item codes joined with ", "; {@code dueBy}, {@code uploadUrl}. */
    RECORDS_REMINDER("missing", "stale", "dueBy", "timeZone", "uploadUrl", "urgency"),
    /** The records reminder as the patient's current doctor gets it, sent only with the patient's consent. */
    RECORDS_REQUEST_TO_DOCTOR("missing", "stale", "dueBy", "timeZone", "uploadUrl", "urgency"),
    /** {@code reason}: the coordinator's words to the patient. */
    CASE_DECLINED("reason"),
    /** {@code withdrawnAt}; {@code reason} only from older senders (the patient's own words stay with intake). */
    CASE_WITHDRAWN("reason", "withdrawnAt", "timeZone"),
    MDT_SCHEDULED("sessionStartsAt", "timeZone"),
    /** A panel member's invitation to the session, in their own time zone, with the .ics entry. */
    MDT_INVITATION("sessionStartsAt", "timeZone", "sessionId", "discipline", "role"),
    /**
     * A guest specialist's invitation to one case's panel (sent by mdt-scheduler): the session as for a member, the
     * {@code link} that opens the case's brief and takes the guest's opinion (signed, expiring at {@code linkExpiresAt},
     * revocable), who invited them ({@code invitedBy}, the coordinator's user name).
     */
    GUEST_INVITATION("sessionStartsAt", "timeZone", "sessionId", "discipline", "link", "linkExpiresAt", "invitedBy"),
    /** To the chair: a follow-up question from the patient waits for their answer (sent by mdt-scheduler). */
    FOLLOW_UP_QUESTION("questionId", "question"),
    /** The chair's answer, to whoever asked the follow-up question (sent by mdt-scheduler). */
    FOLLOW_UP_ANSWERED("questionId", "question", "answer", "answeredBy"),
    /**
     * The released report to a reader besides the case's contact: the patient at her own address when a caregiver
     * acts for her, the treating doctor with her consent (notification-service sends these from one DeliverReport).
     */
    REPORT_COPY,
    /**
     * To a patient whose hospital sent her case (a FHIR Bundle) without her consent and question: what is awaited
     * from her ({@code awaited}: intake field names joined with ", ") and who sent it ({@code institution}). Sent by
     * intake, which alone holds the case until she answers.
     */
    PATIENT_ANSWERS_REQUESTED("awaited", "institution");

    /**
     * The mails a case sends many of at once, one per specialist of its panel: keyed by case and recipient rather than
     * by case ({@link CloudEventCodec#key}), so they are sent side by side.
     */
    public static final Set<NotificationPurpose> FANNED_OUT = Set.of(MDT_INVITATION, GUEST_INVITATION);

    private final Set<String> parameters;

    NotificationPurpose(String... parameters) {
        this.parameters = Set.of(parameters);
    }

    /** The parameter names this purpose's template may read. */
    public Set<String> parameters() {
        return parameters;
    }

    /** The names in {@code parameters} this purpose does not declare, sorted; empty when all are declared. */
    public Set<String> undeclared(Map<String, String> parameters) {
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(this.parameters);
        return unknown;
    }
}
