package org.consilium.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The samples of a service's /actuator/prometheus, as Micrometer writes them. */
class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsTheRest() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP consilium_outbox_pending events waiting
                # TYPE consilium_outbox_pending gauge
                consilium_outbox_pending{application="intake-service",collection="cases"} 3.0
                consilium_outbox_oldest_age_seconds{collection="cases"} 61.0
                consilium_inbox_events{status="dead",note="a \\"quoted\\" label"} 2
                jvm_gc_pause_seconds_bucket{le="+Inf"} +Inf
                process_uptime_seconds 12.5 1700000000000
                not a sample
                """);

        assertThat(samples).extracting(PrometheusText.Sample::name).containsExactly("consilium_outbox_pending",
                "consilium_outbox_oldest_age_seconds", "consilium_inbox_events", "jvm_gc_pause_seconds_bucket",
                "process_uptime_seconds");
        assertThat(samples.get(0).labels()).isEqualTo(Map.of("application", "intake-service", "collection", "cases"));
        assertThat(samples.get(0).value()).isEqualTo(3.0);
        assertThat(samples.get(2).labels()).containsEntry("note", "a \"quoted\" label");
        assertThat(samples.get(3).value()).isInfinite();
        assertThat(samples.get(4).value()).isEqualTo(12.5);
    }
}
