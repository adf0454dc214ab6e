package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.consilium.events.MessageType;
import org.consilium.events.Topics;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.RecordedSpans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follow a case across the services (issue 15, ADR 19): the trace a request arrives in is the one its event is
 * written in (the outbox entry's traceparent), leaves in (ce_traceparent and the W3C header on the Kafka record),
 * and is continued by whoever consumes it: here intake's own consumer of the case events, over the real embedded
 * broker, as any other service would.
 */
class CaseTraceTest extends IntakeContextTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Autowired
    RecordedSpans spans;

    @Test
    void theRequestsTraceReachesTheRecordAndTheConsumerOnTheOtherSide() {
        JsonNode created = http.post().uri("/cases").header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Intakes.LUNG_URGENT).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String caseId = created.get("caseId").asText();

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.records(Topics.CASE_EVENTS).stream()
                        .filter(r -> caseId.equals(r.key()) && MessageType.CASE_SUBMITTED.ceType().equals(header(r, "ce_type")))
                        .findFirst(), Optional::isPresent).orElseThrow();
        String written = header(record, "ce_traceparent");
        assertThat(written).as("the outbox entry was written in the request's server span")
                .startsWith("00-" + TRACE_ID + "-").endsWith("-01").doesNotContain(CALLER_SPAN);
        assertThat(header(record, "traceparent")).isEqualTo(written);
        String writeSpan = written.substring(36, 52);
        SpanData server = spans.inTrace(TRACE_ID).stream().filter(span -> span.getKind() == SpanKind.SERVER)
                .findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).as("the request continued the caller's trace").isEqualTo(CALLER_SPAN);
        assertThat(ancestors(writeSpan)).as("the entry was written inside the request's span").contains(server.getSpanId());

        List<SpanData> consumed = await().atMost(Duration.ofSeconds(30)).until(() -> spans.inTrace(TRACE_ID).stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER && span.getParentSpanId().equals(writeSpan))
                .toList(), l -> !l.isEmpty());
        assertThat(consumed.get(0).getName()).as("the binder's consumer of the case events")
                .contains(Topics.CASE_EVENTS);
    }

    /** The span's parent, its parent's parent, ... as far as this process recorded them. */
    private List<String> ancestors(String spanId) {
        List<String> chain = new ArrayList<>();
        Optional<SpanData> span = find(spanId);
        while (span.isPresent()) {
            chain.add(span.get().getParentSpanId());
            span = find(span.get().getParentSpanId());
        }
        return chain;
    }

    private Optional<SpanData> find(String spanId) {
        return spans.inTrace(TRACE_ID).stream().filter(span -> span.getSpanId().equals(spanId)).findFirst();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
