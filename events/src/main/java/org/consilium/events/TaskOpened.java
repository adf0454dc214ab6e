package org.consilium.events;

import java.time.Instant;

/**
 * A coordinator task of the process was opened (a user task created in the engine). Thin, as process variables are:
 * ids, the triage's urgency and dates, nothing of the patient (DESIGN.md). Published by bpmn through its task outbox
 * so the console's worklist can be a projection of the topics (ADR 18).
 *
 * @param taskKey       the BPMN user task's id, e.g. {@code ReviewIntake}
 * @param name          the task's name in the model, e.g. "Review intake"
 * @param urgency       the urgency the case's clocks run on (the triage table's, or the confirmed one); may be null
 * @param due           the task's own due date, or null
 * @param caseClock     the process's next timer when the task was announced (the stage's watch or the next reminder),
 *                      or null
 */
public record TaskOpened(String caseId, @Required String taskId, @Required String taskKey, String name,
                         @Required String processInstanceId, String assignee, String urgency, @Required Instant created,
                         Instant due, Instant caseClock) implements CaseMessage {
}
