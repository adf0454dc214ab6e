package org.consilium.console.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the checklist beside Verify dossier says of each item's recency: the newest document's own date and its age. */
class ChecklistTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void theNewestDocumentCountsByTheDateItStatesElseItsPdfsElseTheUpload() {
        Checklist.Item ct = item(List.of(
                new Checklist.Document("ct-old.pdf", Instant.parse("2026-12-06T08:00:00Z"), LocalDate.of(2026, 9, 1), null),
                new Checklist.Document("ct-new.pdf", Instant.parse("2026-12-06T08:00:00Z"), null, LocalDate.of(2026, 11, 26))), 30);
        assertThat(ct.newestText(TODAY)).isEqualTo("2026-11-26 (10 days old)");
        assertThat(ct.recencyText()).isEqualTo("within 30 days");

        Checklist.Item uploaded = item(List.of(new Checklist.Document("x.pdf", Instant.parse("2026-12-04T23:00:00Z"), null, null)), null);
        assertThat(uploaded.newestText(TODAY)).isEqualTo("2026-12-04 (2 days old)");
        assertThat(uploaded.recencyText()).isEqualTo("no expiry");
        assertThat(item(List.of(), null).newestText(TODAY)).isEqualTo("none yet");
        assertThat(item(null, null).statusLabel()).isEqualTo("Received");
    }

    private static Checklist.Item item(List<Checklist.Document> documents, Integer recencyDays) {
        return new Checklist.Item("ct", "CT", true, "RECEIVED", recencyDays, null, null, documents);
    }
}
