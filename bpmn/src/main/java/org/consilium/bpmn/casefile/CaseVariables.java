package org.consilium.bpmn.casefile;

/**
 * Names of the process variables, in one place. Set from incoming events (see the inbox), by the
 * triage decisions and by coordinator forms; the form field ids in the BPMN use the same names.
 * <p>
 * Thin by rule (issue 11, ADR 15): ids, codes, dates and flags. No names, addresses, questions, opinions or
 * report content: they stay sealed in the service that owns them, and the commands name the case and a role
 * ({@code NotificationAudience}) for the receiving service to resolve.
 */
public final class CaseVariables {
    /** The W3C traceparent of the last event applied to the case: its commands continue that trace (ADR 19). */
    public static final String TRACEPARENT = "traceparent";
    // from CaseSubmitted
    public static final String CASE_ID = "caseId";
    public static final String CANCER_TYPE = "cancerType";
    public static final String DECISION_AT_STAKE = "decisionAtStake";
    public static final String PLANNED_TREATMENT_START = "plannedTreatmentStart";
    public static final String DAYS_UNTIL_TREATMENT = "daysUntilTreatment";
    public static final String LANGUAGE = "language";
    public static final String LANGUAGES = "languages";
    public static final String TIME_ZONE = "timeZone";
    public static final String COUNTRY = "country";
    public static final String TREATING_INSTITUTION = "treatingInstitution";
    /**
     * True when intake named a treating doctor the case may write to (CaseSubmitted.currentDoctor: only with the
     * patient's consent and an address). Whether the consent is still in force is {@code consentFor(...)}.
     */
    public static final String CURRENT_DOCTOR_KNOWN = "currentDoctorKnown";
    // consent per purpose (ConsentChanged codes): consentFor(purpose) is a Boolean, consentChangedAt(purpose)
    // the time of the newest decision applied
    private static final String CONSENT_PREFIX = "consent_";
    // triage and intake review
    public static final String URGENCY = "urgency";
    public static final String DISCIPLINES = "disciplines";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINE_REASON = "declineReason";
    // records
    public static final String RECORDS_DUE_BY = "recordsDueBy";
    public static final String DOCUMENT_COUNT = "documentCount";
    public static final String RECORDS_COMPLETED_AT = "recordsCompletedAt";
    /** From RecordsIncomplete (the newest applied, by its time {@link #RECORDS_INCOMPLETE_AT}): comma-joined. */
    public static final String MISSING_ITEMS = "missingItems";
    public static final String STALE_ITEMS = "staleItems";
    public static final String RECORDS_INCOMPLETE_AT = "recordsIncompleteAt";
    // MDT
    public static final String SESSION_ID = "sessionId";
    public static final String SESSION_STARTS_AT = "sessionStartsAt";
    /** How many specialists sit on the panel (MdtScheduled); who they are is mdt-scheduler's. */
    public static final String PANEL_SIZE = "panelSize";
    public static final String MDT_CONCLUDED_AT = "mdtConcludedAt";
    /** From ReportReleased: the released version's number (what DeliverReport names) and who released it. */
    public static final String REPORT_VERSION = "reportVersion";
    public static final String REPORT_RELEASED_BY = "reportReleasedBy";
    // a failed step (CaseStepFailed): local to the "Resolve a failed step" scope, so two failures never mix
    public static final String FAILED_STEP = "failedStep";
    public static final String FAILED_SERVICE = "failedService";
    public static final String FAILURE_REASON = "failureReason";
    public static final String FAILED_AT = "failedAt";
    /** Where the failed message waits on a dead-letter topic (null for a reported failure): what a retry replays. */
    public static final String DEAD_LETTER_TOPIC = "deadLetterTopic";
    public static final String DEAD_LETTER_PARTITION = "deadLetterPartition";
    public static final String DEAD_LETTER_OFFSET = "deadLetterOffset";
    public static final String DEAD_LETTER_ORIGINAL_TOPIC = "deadLetterOriginalTopic";
    /** The coordinator's choice in "Resolve a failed step": replay the dead-lettered message. */
    public static final String RETRY_STEP = "retryStep";
    /** ... or to decline the case, which cannot go on (with {@link #DECLINE_REASON} for the patient). */
    public static final String DECLINE_CASE = "declineCase";
    // delivery and withdrawal
    public static final String REPORT_DELIVERED_AT = "reportDeliveredAt";
    /** Form of <em>Confirm report delivery</em>: true = delivered (ends the case), false = send it again. */
    public static final String DELIVERY_CONFIRMED = "deliveryConfirmed";
    public static final String DELIVERY_NOTE = "deliveryNote";
    public static final String WITHDRAWN_AT = "withdrawnAt";

    /** Separators of the joined list variables (no object serialisation in this engine). */
    public static final String LIST_SEPARATOR = ",";

    private CaseVariables() {
    }

    /** e.g. {@code consent_contact_current_doctor}: engine variable names stay identifier-like. */
    public static String consentFor(String purpose) {
        return CONSENT_PREFIX + purpose.replace('-', '_');
    }

    public static String consentChangedAt(String purpose) {
        return consentFor(purpose) + "_at";
    }
}
