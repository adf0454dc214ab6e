package org.consilium.console.caseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.consilium.events.CaseAccepted;
import org.consilium.events.CaseMessage;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RequestRecords;
import org.consilium.events.TaskAssigned;
import org.consilium.events.TaskClosed;
import org.consilium.events.TaskOpened;
import org.consilium.events.Urgency;

/** Envelopes of a case as the topics carry them, for the read model's tests (and the benchmark's). */
public final class CaseEvents {
    public static final String SEALED_NAME = "Budi Santoso";
    public static final String SEALED_QUESTION = "Should I have chemotherapy or immunotherapy before the operation instead?";

    private CaseEvents() {
    }

    public static Envelope from(String source, CaseMessage payload, Instant at) {
        return Envelope.of(payload, UUID.randomUUID().toString(), "/consilium/" + source, at);
    }

    public static Envelope submitted(String caseId, String cancerType, Instant at) {
        Recipient patient = new Recipient(SEALED_NAME, "budi@example.org", "id");
        return from("intake-service", new CaseSubmitted(caseId, cancerType, "MAJOR_SURGERY", LocalDate.of(2026, 12, 20),
                SEALED_QUESTION, "Lobectomy then chemotherapy", patient, List.of("id", "en"), "Asia/Jakarta", "ID", at,
                "RS Jakarta", List.of(), List.of("review"), null, List.of(), patient, null), at);
    }

    public static Envelope accepted(String caseId, Urgency urgency, Instant at) {
        return from("bpmn", new CaseAccepted(caseId, urgency, List.of("pathologist", "radiologist"), at), at);
    }

    public static Envelope recordsRequested(String caseId, Instant at) {
        return from("bpmn", new RequestRecords(caseId, "lung", Urgency.URGENT, at.plusSeconds(5 * 86_400)), at);
    }

    public static Envelope recordsCompleted(String caseId, Instant at) {
        return from("records-service", new RecordsCompleted(caseId, 4, at), at);
    }

    public static Envelope opened(String caseId, String taskId, String name, String urgency, Instant at, Instant clock) {
        return from("bpmn", new TaskOpened(caseId, taskId, name.replace(" ", ""), name, "pi-" + caseId, null, urgency, at,
                null, clock), at);
    }

    public static Envelope assigned(String caseId, String taskId, String assignee, Instant at) {
        return from("bpmn", new TaskAssigned(caseId, taskId, assignee, at), at);
    }

    public static Envelope closed(String caseId, String taskId, String by, Instant at) {
        return from("bpmn", new TaskClosed(caseId, taskId, true, by, at), at);
    }
}
