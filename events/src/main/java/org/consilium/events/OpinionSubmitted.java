package org.consilium.events;

import java.time.Instant;

/** One panel member recorded an individual opinion before the meeting. */
public record OpinionSubmitted(String caseId, String specialistId, String discipline, boolean agreesWithFirstOpinion,
                               Instant submittedAt) implements CaseMessage {
}
