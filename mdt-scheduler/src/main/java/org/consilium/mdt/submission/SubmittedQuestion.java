package org.consilium.mdt.submission;

import org.consilium.events.CaseParty;
import org.consilium.events.ScheduleReview;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the patient asked the panel and the first opinion they want checked, as intake's CaseSubmitted
 * said them: the engine no longer carries either in ScheduleReview (issue 11, thin process variables),
 * so this service keeps them per case. Both texts are sealed at rest ({@link SealedQuestions}).
 *
 * @param appliedEvents the ids of the CaseSubmitted events seen for the case, so a redelivery changes nothing
 * @param parties       the patient and caregiver (and referrer) as CaseSubmitted names them for access checks: who may
 *                      ask the chair a follow-up question themselves (kept as records-service keeps them, ADR 11)
 */
@Document("submittedQuestions")
public record SubmittedQuestion(@Id String caseId, String questionForPanel, String firstOpinion, Instant receivedAt,
                                List<String> appliedEvents, List<CaseParty> parties) {

    public SubmittedQuestion {
        appliedEvents = appliedEvents == null ? List.of() : List.copyOf(appliedEvents);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    boolean hasApplied(String eventId) {
        return appliedEvents.contains(eventId);
    }

    /** Another CaseSubmitted for the case: remembered, but the first one's texts stay (intake submits a case once). */
    SubmittedQuestion acknowledge(String eventId) {
        List<String> applied = new ArrayList<>(appliedEvents);
        applied.add(eventId);
        return new SubmittedQuestion(caseId, questionForPanel, firstOpinion, receivedAt, applied, parties);
    }

    /** The command as older producers sent it: with this case's question and first opinion. */
    public ScheduleReview askedIn(ScheduleReview command) {
        return new ScheduleReview(command.caseId(), command.cancerType(), command.urgency(), command.disciplines(),
                command.languages(), command.timeZone(), questionForPanel, firstOpinion, command.country(),
                command.treatingInstitution());
    }
}
