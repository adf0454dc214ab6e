package org.consilium.bpmn;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gauges and counters the engine does not publish itself. */
class EngineGaugesTest extends ProcessTestSupport {
    @Autowired
    MeterRegistry meters;

    @Test
    void engineAndInboxStateIsMeasured() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("metrics")));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("consilium.engine.tasks.open")
                .tag("task", "ReviewIntake").gauge() != null
                && meters.get("consilium.engine.tasks.open").tag("task", "ReviewIntake").gauge().value() >= 1);
        assertThat(meters.get("consilium.engine.tasks.open").tag("task", "ReleaseReport").gauge()).isNotNull();
        // the oldest open Review intake has waited since it opened; a kind with none open is 0, not missing
        await().atMost(Duration.ofSeconds(15)).until(() -> meters.get("consilium.engine.tasks.oldest.age")
                .tag("task", "ReviewIntake").gauge().value() > 0);
        assertThat(meters.get("consilium.engine.tasks.oldest.age").tag("task", "ReleaseReport").gauge().value())
                .isNotNegative();
        assertThat(meters.get("consilium.engine.incidents.open").gauge().value()).isNotNegative();
        assertThat(meters.get("consilium.engine.jobs.executable").gauge().value()).isNotNegative();
        assertThat(meters.get("consilium.inbox.events").tag("status", "pending").gauge()).isNotNull();
        assertThat(meters.get("consilium.inbox.events").tag("status", "dead").gauge()).isNotNull();

        acceptIntake(instance);
        assertThat(meters.get("consilium.commands.sent").tag("type", "CaseAccepted").counter().count()).isPositive();
        assertThat(meters.get("consilium.commands.sent").tag("type", "RequestRecords").counter().count()).isPositive();
    }
}
