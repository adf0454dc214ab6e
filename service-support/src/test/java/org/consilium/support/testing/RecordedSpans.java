package org.consilium.support.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every span the application ends, kept in memory: import it into a test context (with
 * {@code @AutoConfigureObservability}, which turns tracing on in a test) and ask which spans a trace has.
 * Boot adds every {@link SpanProcessor} bean to the OpenTelemetry tracer provider.
 */
public class RecordedSpans implements SpanProcessor {
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    public List<SpanData> inTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
