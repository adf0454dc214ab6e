package org.consilium.events;

import java.time.Instant;

/**
 * A coordinator task was claimed, assigned to someone, or given back ({@code assignee} null).
 *
 * @param at when the engine recorded it
 */
public record TaskAssigned(String caseId, @Required String taskId, String assignee, @Required Instant at)
        implements CaseMessage {
}
