package org.consilium.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.consilium.events.Traceparent;
import org.springframework.beans.factory.ObjectProvider;

import java.util.function.Supplier;

/**
 * The W3C traceparent of the span current on this thread, or null outside one (or with tracing off). Read lazily:
 * the Mongo mapping that asks is built before the tracer. In a reactive chain the span is on the thread because
 * {@code spring.reactor.context-propagation=auto} restores it from the Reactor context (ADR 19).
 */
public final class CurrentTraceparent implements Supplier<String> {
    private final ObjectProvider<Tracer> tracer;

    public CurrentTraceparent(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public String get() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return Traceparent.of(context.traceId(), context.spanId(), context.sampled()).map(Traceparent::toString)
                .orElse(null);
    }
}
