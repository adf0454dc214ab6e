package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.casefile.CaseVariables;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.Traceparent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The engine's commands continue the trace of the event that moved the case (ADR 19), although they are sent
 * later by a job on another thread: the event's traceparent is kept as a process variable (an id) and every
 * command the case then sends carries a traceparent of the same trace, in ce_traceparent and the W3C header.
 */
class CaseTraceTest extends ProcessTestSupport {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    Tracer tracer;

    @Test
    void commandsCarryTheTraceOfTheEventThatCausedThem() {
        CaseSubmitted submitted = Cases.lungUrgent(newCaseId("lung"));
        String traceparent = "00-" + TRACE_ID + "-b7ad6b7169203331-01";
        events.publish(Envelope.of(submitted, UUID.randomUUID().toString(), TEST_SOURCE, Instant.now())
                .withTraceparent(traceparent));
        ProcessInstance instance = awaitInstance(submitted.caseId());
        awaitWaitingAt(instance, "ReviewIntake");
        assertThat(instance).variables().containsEntry(CaseVariables.TRACEPARENT, traceparent);

        acceptIntake(instance);

        for (MessageType command : List.of(MessageType.CASE_ACCEPTED, MessageType.REQUEST_RECORDS)) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                    .until(() -> commands.records(submitted.caseId(), command), l -> !l.isEmpty()).get(0);
            Traceparent sent = Traceparent.parse(header(record, "ce_traceparent")).orElseThrow();
            assertThat(sent.traceId()).as(command + " continues the CaseSubmitted trace").isEqualTo(TRACE_ID);
            assertThat(header(record, "traceparent")).isEqualTo(sent.toString());
        }
    }

    /**
     * A coordinator's decision is a person's action: the commands it causes continue the completing request's trace
     * (here a span current on the completing thread, as the REST request's is), not the submission's.
     */
    @Test
    void aCompletedTaskSendsItsCommandsInTheTraceOfTheRequestThatCompletedIt() {
        CaseSubmitted submitted = Cases.lungUrgent(newCaseId("lung"));
        events.publish(Envelope.of(submitted, UUID.randomUUID().toString(), TEST_SOURCE, Instant.now())
                .withTraceparent("00-" + TRACE_ID + "-b7ad6b7169203331-01"));
        ProcessInstance instance = awaitInstance(submitted.caseId());
        awaitWaitingAt(instance, "ReviewIntake");

        Span decision = tracer.nextSpan().name("POST /engine-rest/task/{id}/complete").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(decision)) {
            submitForm(instance, "ReviewIntake", Map.of("accepted", true));
        } finally {
            decision.end();
        }
        runJob(instance, "PublishCaseAccepted");
        runJob(instance, "RequestRecords");

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> commands.records(submitted.caseId(), MessageType.REQUEST_RECORDS), l -> !l.isEmpty()).get(0);
        String traceId = Traceparent.parse(header(record, "ce_traceparent")).orElseThrow().traceId();
        assertThat(traceId).isEqualTo(decision.context().traceId()).isNotEqualTo(TRACE_ID);

        // the task's own steps too: opened in the submission's trace, closed in the decision's
        assertThat(traceOf(submitted.caseId(), MessageType.TASK_OPENED)).isEqualTo(TRACE_ID);
        assertThat(traceOf(submitted.caseId(), MessageType.TASK_CLOSED)).isEqualTo(decision.context().traceId());
    }

    private String traceOf(String caseId, MessageType type) {
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> commands.records(caseId, type), l -> !l.isEmpty()).get(0);
        return Traceparent.parse(header(record, "ce_traceparent")).orElseThrow().traceId();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
