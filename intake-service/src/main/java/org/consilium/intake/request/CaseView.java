package org.consilium.intake.request;

import org.consilium.events.Urgency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the requester sees: the stage and its history, and what the coordinators need to work the case (the
 * people, the question, the first opinion), not the whole questionnaire back. The engine keeps none of these
 * (ADR 15): its tasks point here.
 *
 * @param awaitedFromPatient while {@link Stage#AWAITING_PATIENT}: the intake fields the patient still has to give
 * @param caregiver          the caregiver acting for the patient, or null
 * @param diagnosis          the diagnosis as known (site, stage, histology): what a coordinator confirms the triage on
 */
public record CaseView(String caseId, String questionnaireVersion, Stage stage, List<StageChange> history,
                       Urgency urgency, List<String> disciplines, int documentsReceived, String cancerType,
                       String questionForPanel, LocalDate plannedTreatmentStart, Instant submittedAt,
                       String withdrawalReason, Map<ConsentPurpose, Boolean> consents,
                       List<ConsentChange> consentHistory, List<SubmittedRecord> submittedRecords,
                       List<String> awaitedFromPatient, CaseIntake.Patient patient, CaseIntake.Proxy caregiver,
                       CaseIntake.TreatingTeam currentTreatingTeam, CaseIntake.FirstOpinion firstOpinion,
                       CaseIntake.Diagnosis diagnosis) {

    public static CaseView of(SecondOpinionCase c) {
        return new CaseView(c.id(), c.questionnaireVersion(), c.stage(), c.history(), c.urgency().orElse(null),
                c.disciplines(), c.documentsReceived(), c.intake().diagnosis().cancerType().code(),
                c.intake().questionForPanel(), c.intake().plannedTreatmentStart(), c.submittedAt(),
                c.withdrawalReason().orElse(null), c.consents(), c.consentHistory(), c.submittedRecords(),
                c.awaitedFromPatient(), c.intake().patient(), c.intake().proxy(), c.intake().currentTreatingTeam(),
                c.intake().firstOpinion(), c.intake().diagnosis());
    }
}
