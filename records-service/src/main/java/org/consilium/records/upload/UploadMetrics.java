package org.consilium.records.upload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.consilium.records.collection.RecordDocument;
import org.springframework.stereotype.Component;

/**
 * {@code consilium.records.documents.received} (by checklist item), {@code consilium.records.stored} (bytes)
 * and {@code consilium.records.uploads.rejected} (by problem type).
 */
@Component
public class UploadMetrics {
    private final MeterRegistry meters;
    private final Counter bytes;

    public UploadMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.bytes = Counter.builder("consilium.records.stored").baseUnit("bytes")
                .description("document bytes stored in GridFS").register(meters);
    }

    void stored(RecordDocument document) {
        Counter.builder("consilium.records.documents.received").description("documents stored and attached to a case")
                .tag("item", document.item()).register(meters).increment();
        bytes.increment(document.size());
    }

    void rejected(String problem) {
        Counter.builder("consilium.records.uploads.rejected").description("uploads refused, by problem type")
                .tag("problem", problem).register(meters).increment();
    }
}
