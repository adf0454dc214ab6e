package org.consilium.bpmn.command;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.consilium.events.Envelope;
import org.consilium.events.Traceparent;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * The engine's send of a message as a producer span. Its parent is the traceparent the envelope comes with (the
 * event that moved the case, kept as a process variable: job-executor threads have no span of their own), else the
 * span current here (a REST call). The envelope then carries the send's own span, so every consumer continues it
 * (ADR 19). With tracing off (the no-op tracer) the envelope keeps the traceparent it came with.
 */
@Component
public class CommandSpans {
    private final Tracer tracer;

    public CommandSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    public Envelope inSpan(Envelope envelope, UnaryOperator<Envelope> send) {
        String cause = envelope.traceparent();
        Span.Builder builder = tracer.spanBuilder();
        // read here, not with the configured propagator: a traceparent is W3C whatever the HTTP side propagates
        Traceparent.parse(cause).ifPresent(parent -> builder.setParent(tracer.traceContextBuilder()
                .traceId(parent.traceId()).spanId(parent.spanId()).sampled(parent.sampled()).build()));
        Span span = builder.name("send " + envelope.type().messageName()).kind(Span.Kind.PRODUCER)
                .tag("consilium.case.id", envelope.caseId()).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            TraceContext context = span.context();
            String own = Traceparent.of(context.traceId(), context.spanId(), context.sampled())
                    .map(Traceparent::toString).orElse(cause);
            return send.apply(envelope.withTraceparent(own));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
