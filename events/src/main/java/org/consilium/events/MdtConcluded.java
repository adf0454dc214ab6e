package org.consilium.events;

import java.time.Instant;

/** The chair signed the consensus; the report content travels with it for coordinator approval. */
public record MdtConcluded(String caseId, @Required ReportContent report, @Required Instant concludedAt) implements CaseMessage {
}
