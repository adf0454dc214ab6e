package org.consilium.events;

import java.time.Instant;

/** One panel member recorded an individual opinion before the meeting. */
public record OpinionSubmitted(String caseId, @Required String specialistId, @Required String discipline, boolean agreesWithFirstOpinion,
                               @Required Instant submittedAt) implements CaseMessage {
}
