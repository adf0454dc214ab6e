package org.consilium.bpmn.inbox;

import org.consilium.events.CaseMessage;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.ReportDelivered;
import org.consilium.events.ReportReleased;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.consilium.bpmn.casefile.CaseVariables.*;

/**
 * The events the process waits for, and the process variables each one sets when it is applied: ids, codes, dates
 * and flags only (issue 11). What an event says about people, their question or the report stays with the service
 * that published it; {@link ThinPayloads} removes it before the inbox even stores the event.
 */
public final class EventVariables {
    /** Types the inbox keeps; every other type on the consumed topics is ignored. */
    public static final Set<MessageType> APPLIED_TYPES = EnumSet.of(MessageType.CASE_SUBMITTED,
            MessageType.CASE_WITHDRAWN, MessageType.RECORDS_COMPLETED, MessageType.MDT_SCHEDULED,
            MessageType.MDT_CONCLUDED, MessageType.REPORT_DELIVERED, MessageType.RECORDS_INCOMPLETE,
            MessageType.CONSENT_CHANGED, MessageType.REPORT_RELEASED, MessageType.CASE_STEP_FAILED);
    /** The purposes CaseSubmitted reports consent for (the rest of intake's codes are not used by the process). */
    static final List<String> CONSENT_PURPOSES = List.of(ConsentChanged.REVIEW, ConsentChanged.SHARE_WITH_PANEL,
            ConsentChanged.CROSS_BORDER_TRANSFER, ConsentChanged.CONTACT_CURRENT_DOCTOR);
    /** daysUntilTreatment when no start date is planned: far beyond every triage threshold. */
    public static final int NO_PLANNED_START = 9999;
    private static final String DEFAULT_LANGUAGE = "en";

    private EventVariables() {
    }

    /**
     * The payload's variables and the event's traceparent: the engine's next commands are sent in the trace of the
     * event that moved the case (CaseCommands, ADR 19). An id, like every variable here; absent when untraced.
     */
    public static Map<String, Object> of(Envelope envelope, LocalDate today) {
        Map<String, Object> variables = of(envelope.payload(), today);
        if (envelope.traceparent() != null) {
            variables.put(TRACEPARENT, envelope.traceparent());
        }
        return variables;
    }

    public static Map<String, Object> of(CaseMessage payload, LocalDate today) {
        Map<String, Object> variables = new HashMap<>();
        if (payload instanceof CaseSubmitted submitted) {
            submitted(submitted, today, variables);
        } else if (payload instanceof CaseWithdrawn withdrawn) {
            // the reason is the patient's own words: intake keeps it
            variables.put(WITHDRAWN_AT, text(withdrawn.withdrawnAt()));
        } else if (payload instanceof RecordsCompleted completed) {
            variables.put(DOCUMENT_COUNT, (long) completed.documentCount());
            variables.put(RECORDS_COMPLETED_AT, text(completed.completedAt()));
        } else if (payload instanceof RecordsIncomplete incomplete) {
            variables.put(MISSING_ITEMS, String.join(LIST_SEPARATOR, incomplete.missingItems()));
            variables.put(STALE_ITEMS, String.join(LIST_SEPARATOR, incomplete.staleItems()));
            variables.put(RECORDS_INCOMPLETE_AT, text(incomplete.at()));
        } else if (payload instanceof MdtScheduled scheduled) {
            variables.put(SESSION_ID, scheduled.sessionId());
            variables.put(SESSION_STARTS_AT, text(scheduled.sessionStartsAt()));
            variables.put(PANEL_SIZE, (long) scheduled.panel().size());
        } else if (payload instanceof MdtConcluded concluded) {
            variables.put(MDT_CONCLUDED_AT, text(concluded.concludedAt()));
        } else if (payload instanceof ReportReleased released) {
            variables.put(REPORT_VERSION, released.version());
            variables.put(REPORT_RELEASED_BY, released.releasedBy());
        } else if (payload instanceof ConsentChanged changed) {
            variables.put(consentFor(changed.purpose()), changed.granted());
            variables.put(consentChangedAt(changed.purpose()), text(changed.changedAt()));
        } else if (payload instanceof ReportDelivered delivered) {
            variables.put(REPORT_DELIVERED_AT, text(delivered.deliveredAt()));
        } else if (payload instanceof CaseStepFailed failed) {
            failure(failed, variables);
        }
        return variables;
    }

    private static void submitted(CaseSubmitted event, LocalDate today, Map<String, Object> variables) {
        LocalDate start = event.plannedTreatmentStart();
        variables.put(CASE_ID, event.caseId());
        variables.put(CANCER_TYPE, event.cancerType());
        variables.put(DECISION_AT_STAKE, event.decisionAtStake());
        variables.put(PLANNED_TREATMENT_START, text(start));
        variables.put(DAYS_UNTIL_TREATMENT, start == null ? NO_PLANNED_START
                : (int) Math.max(-NO_PLANNED_START, Math.min(NO_PLANNED_START, ChronoUnit.DAYS.between(today, start))));
        variables.put(LANGUAGE, event.languages().isEmpty() ? DEFAULT_LANGUAGE : event.languages().get(0));
        variables.put(LANGUAGES, String.join(LIST_SEPARATOR, event.languages()));
        variables.put(TIME_ZONE, event.timeZone());
        variables.put(COUNTRY, event.country());
        variables.put(TREATING_INSTITUTION, event.treatingInstitution());
        if (!event.consents().isEmpty()) {
            // an intake always has consent for review: an empty list is a producer that does not report consents
            CONSENT_PURPOSES.forEach(purpose -> variables.put(consentFor(purpose), event.consents().contains(purpose)));
        }
        variables.put(CURRENT_DOCTOR_KNOWN, event.currentDoctor() != null);
    }

    private static void failure(CaseStepFailed failed, Map<String, Object> variables) {
        variables.put(FAILED_STEP, failed.step());
        variables.put(FAILED_SERVICE, failed.service());
        variables.put(FAILURE_REASON, failed.reason());
        variables.put(FAILED_AT, text(failed.failedAt()));
        CaseStepFailed.DeadLetter dead = failed.deadLetter();
        variables.put(DEAD_LETTER_TOPIC, dead == null ? null : dead.topic());
        variables.put(DEAD_LETTER_PARTITION, dead == null ? null : dead.partition());
        variables.put(DEAD_LETTER_OFFSET, dead == null ? null : dead.offset());
        variables.put(DEAD_LETTER_ORIGINAL_TOPIC, dead == null ? null : dead.originalTopic());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
