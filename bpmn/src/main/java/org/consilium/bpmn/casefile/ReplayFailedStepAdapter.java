package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.bpmn.command.DeadLetterReplay;
import org.consilium.events.CaseStepFailed;
import org.springframework.stereotype.Component;

/**
 * Task <em>Replay the failed message</em>: the coordinator fixed the cause and chose to retry, so the
 * dead-lettered command goes back to its service. A failure of the replay fails the job: an incident.
 */
@Component
public class ReplayFailedStepAdapter implements JavaDelegate {
    private final DeadLetterReplay replay;

    public ReplayFailedStepAdapter(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replay.replay(new CaseStepFailed.DeadLetter((String) execution.getVariable(CaseVariables.DEAD_LETTER_TOPIC),
                ((Number) execution.getVariable(CaseVariables.DEAD_LETTER_PARTITION)).intValue(),
                ((Number) execution.getVariable(CaseVariables.DEAD_LETTER_OFFSET)).longValue(),
                (String) execution.getVariable(CaseVariables.DEAD_LETTER_ORIGINAL_TOPIC)));
    }
}
