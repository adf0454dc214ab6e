package org.consilium.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A second-opinion request was accepted for processing by intake. Carries what triage and the
 * process need, not the whole questionnaire (that stays in intake), and the fingerprints of the
 * documents sent with it for records-service (their content never travels on Kafka).
 *
 * @param consents      the purposes the patient consented to at intake ({@link ConsentChanged} codes); later
 *                      decisions arrive as {@link ConsentChanged}
 * @param currentDoctor the treating doctor, only when the patient consented to {@code contact-current-doctor}
 *                      and gave an e-mail address; {@code null} otherwise
 * @param parties       who may see the case besides staff and its panel (patient, caregiver, referrer), for the
 *                      services' per-case access checks (issue 6)
 * @param patient       the patient, as the report and every notice name her, with her own address when she gave one
 *                      and her first language (added in v1, additively); {@code contact} is whoever acts for her
 * @param caregiver     the caregiver acting for the patient with her consent, or {@code null} (added in v1, additively)
 */
public record CaseSubmitted(String caseId, @Required String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                            String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                            String timeZone, String country, @Required Instant submittedAt, String treatingInstitution,
                            List<SubmittedDocument> documents, List<String> consents, Recipient currentDoctor,
                            List<CaseParty> parties, Recipient patient, Recipient caregiver)
        implements CaseMessage {
    public CaseSubmitted {
        languages = languages == null ? List.of() : List.copyOf(languages);
        documents = documents == null ? List.of() : List.copyOf(documents);
        consents = consents == null ? List.of() : List.copyOf(consents);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** Without the patient and caregiver told apart (added in v1, additively: older records name only the contact). */
    public CaseSubmitted(String caseId, String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                         String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                         String timeZone, String country, Instant submittedAt, String treatingInstitution,
                         List<SubmittedDocument> documents, List<String> consents, Recipient currentDoctor,
                         List<CaseParty> parties) {
        this(caseId, cancerType, decisionAtStake, plannedTreatmentStart, questionForPanel, firstOpinion, contact,
                languages, timeZone, country, submittedAt, treatingInstitution, documents, consents, currentDoctor,
                parties, null, null);
    }

    /** Without the parties (added in v1, additively: older records lack them). */
    public CaseSubmitted(String caseId, String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                         String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                         String timeZone, String country, Instant submittedAt, String treatingInstitution,
                         List<SubmittedDocument> documents, List<String> consents, Recipient currentDoctor) {
        this(caseId, cancerType, decisionAtStake, plannedTreatmentStart, questionForPanel, firstOpinion, contact,
                languages, timeZone, country, submittedAt, treatingInstitution, documents, consents, currentDoctor,
                List.of());
    }

    /** Without consents and the current doctor (added in v1, additively). */
    public CaseSubmitted(String caseId, String cancerType, String decisionAtStake, LocalDate plannedTreatmentStart,
                         String questionForPanel, String firstOpinion, Recipient contact, List<String> languages,
                         String timeZone, String country, Instant submittedAt, String treatingInstitution,
                         List<SubmittedDocument> documents) {
        this(caseId, cancerType, decisionAtStake, plannedTreatmentStart, questionForPanel, firstOpinion, contact,
                languages, timeZone, country, submittedAt, treatingInstitution, documents, List.of(), null);
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
