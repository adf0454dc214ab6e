package org.consilium.console.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The case as intake shows it to its patient or caregiver ({@code GET /cases/{id}}, with their token): only what
 * their window needs. Read, never kept.
 */
public record PatientCase(String caseId, String stage, List<StageChange> history, String cancerType,
                          String questionForPanel, LocalDate plannedTreatmentStart, Instant submittedAt,
                          String withdrawalReason, List<String> awaitedFromPatient, Patient patient, Caregiver caregiver,
                          Map<String, Boolean> consents, List<ConsentChange> consentHistory) {

    public PatientCase {
        history = history == null ? List.of() : List.copyOf(history);
        awaitedFromPatient = awaitedFromPatient == null ? List.of() : List.copyOf(awaitedFromPatient);
        consents = consents == null ? Map.of() : Map.copyOf(consents);
        consentHistory = consentHistory == null ? List.of() : List.copyOf(consentHistory);
    }

    /** One decision on one purpose (intake's purpose name, e.g. {@code CONTACT_CURRENT_DOCTOR}), newest last. */
    public record ConsentChange(String purpose, boolean granted, Instant at) {
    }

    /** Whether the patient consents to {@code purpose} now (intake's purpose name). */
    public boolean consents(String purpose) {
        return Boolean.TRUE.equals(consents.get(purpose));
    }

    /** A withdrawn case takes no decision any more. */
    public boolean withdrawn() {
        return "WITHDRAWN".equals(stage);
    }

    public record StageChange(String stage, Instant at) {
    }

    public record Patient(String name, String email, List<String> languages, String timeZone) {
        public Patient {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    public record Caregiver(String name, String email) {
    }

    public List<String> languages() {
        return patient == null ? List.of() : patient.languages();
    }

    /** When the case reached its stage. */
    public Instant stageSince() {
        return history.isEmpty() ? submittedAt : history.get(history.size() - 1).at();
    }
}
