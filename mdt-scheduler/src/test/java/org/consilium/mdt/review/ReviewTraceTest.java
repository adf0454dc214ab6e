package org.consilium.mdt.review;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.Topics;
import org.consilium.events.Traceparent;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer continues the trace of the command it applies, and the events it writes in reply carry it on (ADR 19):
 * ScheduleReview sent in a trace comes back as MdtScheduled in the same trace, written inside the consumer's span.
 */
class ReviewTraceTest extends ServiceTest {
    private static final String TRACE_ID = "5af7651916cd43dd8448eb211c80319d";

    @Test
    void theEventAnsweringACommandIsInTheCommandsTrace() {
        String caseId = newCaseId("trace");
        String sent = "00-" + TRACE_ID + "-b7ad6b7169203332-01";
        KafkaProbe.publish(Envelope.of(lightCase(caseId, "Is surgery needed?", "Resection"), UUID.randomUUID().toString(),
                "/consilium/bpmn", Instant.now()).withTraceparent(sent));

        ConsumerRecord<String, byte[]> scheduled = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.records(Topics.MDT_EVENTS).stream().filter(r -> caseId.equals(r.key())
                        && MessageType.MDT_SCHEDULED.ceType().equals(header(r, "ce_type"))).findFirst(),
                        Optional::isPresent).orElseThrow();
        Traceparent written = Traceparent.parse(header(scheduled, "ce_traceparent")).orElseThrow();
        assertThat(written.traceId()).as("MdtScheduled continues the ScheduleReview trace").isEqualTo(TRACE_ID);
        assertThat(written.spanId()).as("written in the consumer's own span").isNotEqualTo("b7ad6b7169203332");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
