package org.consilium.records.collection;

import org.consilium.events.CancelCase;
import org.consilium.events.DocumentReceived;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RequestRecords;
import org.consilium.events.Urgency;
import org.consilium.records.checklist.Checklist;
import org.consilium.records.checklist.ChecklistItem;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.records.checklist.ItemCategory.IMAGING;
import static org.consilium.records.checklist.ItemCategory.MOLECULAR;
import static org.consilium.records.checklist.ItemCategory.PATHOLOGY;

class CaseRecordsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Checklist CHECKLIST = new Checklist("lung", List.of(
            new ChecklistItem("pathology-report", "Pathology", PATHOLOGY, true),
            new ChecklistItem("pet-ct", "PET-CT", IMAGING, true),
            new ChecklistItem("molecular-results", "Molecular", MOLECULAR, false)));

    private static CaseRecords requested() {
        return CaseRecords.request(new RequestRecords("case-1", "lung", Urgency.URGENT, NOW.plusSeconds(86400)),
                "cmd-1", CHECKLIST, NOW);
    }

    private static RecordDocument document(String id, String item) {
        return new RecordDocument(id, "case-1", item, id + ".pdf", "application/pdf", "application/pdf", 10, "ab", NOW);
    }

    @Test
    void completesOnceWhenEveryRequiredItemHasADocument() {
        CaseRecords records = requested();
        records.attach(document("d1", "molecular-results"), NOW);
        records.attach(document("d2", "pathology-report"), NOW);
        assertThat(records.status()).isEqualTo(RecordsStatus.COLLECTING);
        records.attach(document("d3", "pet-ct"), NOW);
        records.attach(document("d4", "pet-ct"), NOW);

        assertThat(records.status()).isEqualTo(RecordsStatus.COMPLETE);
        assertThat(records.raised()).extracting(OutboxEntry::type).containsExactly(MessageType.DOCUMENT_RECEIVED,
                MessageType.DOCUMENT_RECEIVED, MessageType.DOCUMENT_RECEIVED, MessageType.RECORDS_COMPLETED,
                MessageType.DOCUMENT_RECEIVED);
        RecordsCompleted completed = records.raised().get(3).toEnvelope("/test").payload(RecordsCompleted.class);
        assertThat(completed.documentCount()).isEqualTo(3);
        DocumentReceived received = records.raised().get(0).toEnvelope("/test").payload(DocumentReceived.class);
        assertThat(received.checklistItem()).isEqualTo("molecular-results");
    }

    @Test
    void attachingTheSameDocumentTwiceChangesNothing() {
        CaseRecords records = requested();
        assertThat(records.attach(document("d1", "pet-ct"), NOW)).isTrue();
        assertThat(records.attach(document("d1", "pet-ct"), NOW)).isFalse();
        assertThat(records.documents()).hasSize(1);
        assertThat(records.raised()).hasSize(1);
    }

    @Test
    void refusesUnknownItemsNamingTheValidOnes() {
        assertThatThrownBy(() -> requested().checkAccepts("brain-mri")).isInstanceOfSatisfying(DomainProblem.class, p -> {
            assertThat(p.slug()).isEqualTo("unknown-checklist-item");
            assertThat(p.getMessage()).contains("pathology-report, pet-ct, molecular-results");
        });
    }

    @Test
    void aCancelledCaseTakesNoDocumentsAndNeverCompletes() {
        CaseRecords records = requested();
        records.attach(document("d1", "pathology-report"), NOW);
        assertThat(records.cancel(new CancelCase("case-1", "withdrawn"), "cmd-2", NOW)).isTrue();
        assertThat(records.cancel(new CancelCase("case-1", "withdrawn"), "cmd-2", NOW)).isFalse();

        assertThatThrownBy(() -> records.attach(document("d2", "pet-ct"), NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("case-cancelled"));
        assertThat(records.status()).isEqualTo(RecordsStatus.CANCELLED);
        assertThat(records.raised()).extracting(OutboxEntry::type).containsExactly(MessageType.DOCUMENT_RECEIVED);
    }

    @Test
    void remembersAppliedCommands() {
        CaseRecords records = requested();
        assertThat(records.hasApplied("cmd-1")).isTrue();
        assertThat(records.requestAgain("cmd-1")).isFalse();
        assertThat(records.requestAgain("cmd-3")).isTrue();
        assertThat(records.appliedEvents()).containsExactly("cmd-1", "cmd-3");
    }
}
