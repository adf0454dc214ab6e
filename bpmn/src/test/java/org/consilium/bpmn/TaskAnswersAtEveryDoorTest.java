package org.consilium.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A task's answers keep the form's rules whatever door they come through: here the engine's Java API, as Camunda
 * Tasklist's own REST API uses it (the engine REST API refuses the same earlier, with a problem per field).
 */
class TaskAnswersAtEveryDoorTest extends ProcessTestSupport {

    @Test
    void aDeclineWithoutItsReasonIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("no-reason")));
        awaitWaitingAt(instance, "ReviewIntake");

        assertThatThrownBy(() -> tasks.complete(task(instance, "ReviewIntake").getId(), Map.of("accepted", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("declineReason is required when accepted is false");
        assertThatThrownBy(() -> submitForm(instance, "ReviewIntake", Map.of("accepted", false, "declineReason", "  ")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(task(instance, "ReviewIntake")).as("still open").isNotNull();
    }

    @Test
    void aReasonWithAControlCharacterIsRefusedAndAPlainOneTaken() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("bell")));
        awaitWaitingAt(instance, "ReviewIntake");

        assertThatThrownBy(() -> submitForm(instance, "ReviewIntake",
                Map.of("accepted", false, "declineReason", "out of scope\u0007")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("declineReason must not contain the control character U+0007");
        assertThat(task(instance, "ReviewIntake")).isNotNull();

        submitForm(instance, "ReviewIntake", Map.of("accepted", false,
                "declineReason", "Außerhalb des Umfangs:\nليس ضمن نطاقنا"));
        assertThat(task(instance, "ReviewIntake")).as("completed").isNull();
    }
}
