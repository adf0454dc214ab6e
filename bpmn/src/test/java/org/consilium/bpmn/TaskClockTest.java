package org.consilium.bpmn;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every coordinator task is on the clock: the task target of the case's urgency, when the model sets no due date. */
class TaskClockTest extends ProcessTestSupport {

    @Test
    void reviewIntakeAndVerifyDossierAreDueByTheTaskTargetOfTheUrgency() {
        ProcessInstance routine = driveTo("ReviewIntake");
        assertThat(task(routine, "ReviewIntake").getDueDate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(2)), within(Duration.ofMinutes(1)));

        ProcessInstance urgent = submit(Cases.lungUrgent(newCaseId("lung")));
        awaitWaitingAt(urgent, "ReviewIntake");
        assertThat(task(urgent, "ReviewIntake").getDueDate().toInstant())
                .as("urgent: four hours").isCloseTo(Instant.now().plus(Duration.ofHours(4)), within(Duration.ofMinutes(1)));

        ProcessInstance verifying = driveTo("VerifyDossier");
        assertThat(task(verifying, "VerifyDossier").getDueDate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(2)), within(Duration.ofMinutes(1)));
        submitForm(verifying, "VerifyDossier", Map.of("dossierVerified", true));
    }
}
