package org.consilium.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A second-opinion request was accepted for processing by intake. Carries what triage and the
 * process need, not the whole questionnaire (that stays in intake), and the fingerprints of the
 * documents sent with it for records-service (their content never travels on Kafka).
 */
public record CaseSubmitted(String caseId, String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                            String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                            String timeZone, String country, Instant submittedAt, String treatingInstitution,
                            List<SubmittedDocument> documents)
        implements CaseMessage {
    public CaseSubmitted {
        languages = languages == null ? List.of() : List.copyOf(languages);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** Without documents (added in v1, additively: older records and plain intakes have none). */
    public CaseSubmitted(String caseId, String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                         String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                         String timeZone, String country, Instant submittedAt, String treatingInstitution) {
        this(caseId, cancerType, decisionAtStake, plannedTreatmentStart, questionForPanel, firstOpinion, contact,
                languages, timeZone, country, submittedAt, treatingInstitution, List.of());
    }

    /** Without the treating institution (added in v1, additively: older records lack it). */
    public CaseSubmitted(String caseId, String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                         String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                         String timeZone, String country, Instant submittedAt) {
        this(caseId, cancerType, decisionAtStake, plannedTreatmentStart, questionForPanel, firstOpinion, contact,
                languages, timeZone, country, submittedAt, null);
    }
}
