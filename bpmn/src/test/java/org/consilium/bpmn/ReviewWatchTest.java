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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The MDT stage has its watchdogs too (issue 11): a review nobody confirms, a panel past its clock,
 * become coordinator tasks that end by themselves when the answer comes.
 */
class ReviewWatchTest extends ProcessTestSupport {

    @Test
    void aReviewNotScheduledWithinTheHourIsACoordinatorsTaskThatEndsWhenItIsScheduled() {
        ProcessInstance instance = driveTo("AwaitMdtScheduled");
        assertThat(job(instance, "SchedulingWatchTimer").getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));

        runJob(instance, "SchedulingWatchTimer");
        awaitWaitingAt(instance, "CheckReviewScheduling");
        assertThat(task(instance, "CheckReviewScheduling")).isNotNull();
        submitForm(instance, "CheckReviewScheduling", Map.of("schedulingNote", "mdt-scheduler was restarted"));
        awaitWaitingAt(instance, "AwaitMdtScheduled"); // waits again, with a new watch

        runJob(instance, "SchedulingWatchTimer");
        awaitWaitingAt(instance, "CheckReviewScheduling");
        mdtScheduled(instance); // the answer ends the task
        assertThat(instance).hasPassed("MdtScheduledDuringWatch");
        assertThat(task(instance, "CheckReviewScheduling")).isNull();
    }

    @Test
    void aPanelPastItsClockIsChasedAndTheConsensusEndsTheChase() {
        ProcessInstance instance = driveTo("AwaitMdtConcluded");
        // routine: discussed within 14 days of scheduling, and a day's grace
        assertThat(job(instance, "PanelWatchTimer").getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(15)), within(Duration.ofMinutes(1)));

        runJob(instance, "PanelWatchTimer");
        awaitWaitingAt(instance, "ChasePanel");
        submitForm(instance, "ChasePanel", Map.of("panelNote", "pathologist reminded"));
        awaitWaitingAt(instance, "AwaitMdtConcluded");

        runJob(instance, "PanelWatchTimer");
        awaitWaitingAt(instance, "ChasePanel");
        publish(Cases.mdtConcluded(instance.getBusinessKey()));
        awaitWaitingAt(instance, "AwaitReportReleased");
        assertThat(instance).hasPassed("MdtConcludedDuringWatch");
        assertThat(task(instance, "ChasePanel")).isNull();
    }
}
