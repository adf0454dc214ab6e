package org.consilium.bpmn.command;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.consilium.bpmn.casefile.CaseVariables;
import org.consilium.bpmn.engine.EveryUserTask;
import org.consilium.events.Traceparent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person completing a task moves the case as an event does: the commands the engine sends next continue the
 * completing request's trace, not the trace of the last event the case received (ADR 19: a case's path is a chain of
 * traces, each started by a person's action or a clock). Without this, a coordinator's decision at <em>Review
 * intake</em> sent RequestRecords in the trace of the patient's submission, and the request that decided it led
 * nowhere. Sets the case's {@code traceparent} variable from the span current when the task completes (the REST or
 * Tasklist request's); with none (tracing off, a completion from a job) the variable stays as it was.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // before TaskEventsPlugin: the closed task is announced in this trace
public class CompletedTaskTrace extends AbstractProcessEnginePlugin {
    private final ObjectProvider<Tracer> tracer;

    public CompletedTaskTrace(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.on(configuration, TaskListener.EVENTNAME_COMPLETE, this::onComplete);
    }

    private void onComplete(DelegateTask task) {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return;
        }
        TraceContext context = span.context();
        // set where the case keeps it (the process instance): a task-local variable would end with the task
        Traceparent.of(context.traceId(), context.spanId(), context.sampled())
                .ifPresent(traceparent -> task.getExecution().getProcessInstance()
                        .setVariable(CaseVariables.TRACEPARENT, traceparent.toString()));
    }
}
