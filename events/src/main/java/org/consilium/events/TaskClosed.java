package org.consilium.events;

import java.time.Instant;

/**
 * A coordinator task left the worklist: completed, or deleted with its process (a withdrawal, a timer that moved
 * the case on).
 *
 * @param completed true when someone completed it, false when it was cancelled
 */
public record TaskClosed(String caseId, @Required String taskId, boolean completed, String by, @Required Instant at)
        implements CaseMessage {
}
