package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.ScheduleReview;
import org.springframework.stereotype.Component;

/**
 * Task <em>Schedule review</em>: asks mdt-scheduler for a panel and a session. The question and the first opinion
 * are not the engine's to send: mdt-scheduler has them from the case's CaseSubmitted (issue 11).
 */
@Component
public class ScheduleReviewAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public ScheduleReviewAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, new ScheduleReview(file.caseId(), file.cancerType(), file.urgency(), file.disciplines(),
                file.languages(), file.text(CaseVariables.TIME_ZONE), null, null, file.text(CaseVariables.COUNTRY),
                file.text(CaseVariables.TREATING_INSTITUTION)));
    }
}
