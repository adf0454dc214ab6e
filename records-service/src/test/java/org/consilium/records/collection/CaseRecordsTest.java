package org.consilium.records.collection;

import org.consilium.events.CancelCase;
import org.consilium.events.DocumentReceived;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.RequestRecords;
import org.consilium.events.Urgency;
import org.consilium.records.checklist.Checklist;
import org.consilium.records.checklist.ChecklistItem;
import org.consilium.records.collection.RecordsView.ItemStatus;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.records.checklist.ItemCategory.IMAGING;
import static org.consilium.records.checklist.ItemCategory.LABORATORY;
import static org.consilium.records.checklist.ItemCategory.MOLECULAR;
import static org.consilium.records.checklist.ItemCategory.PATHOLOGY;

class CaseRecordsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final Checklist CHECKLIST = new Checklist("lung", List.of(
            new ChecklistItem("pathology-report", "Pathology", PATHOLOGY, true, null, null),
            new ChecklistItem("pet-ct", "PET-CT", IMAGING, true, 60, 30),
            new ChecklistItem("cea", "CEA", LABORATORY, false, 30, null),
            new ChecklistItem("molecular-results", "Molecular", MOLECULAR, false, null, null)));
    private static final CoordinatorDecision WAIVER = new CoordinatorDecision("coordinator.lee", "not needed", NOW);

    private static CaseRecords requested() {
        return requested(Urgency.ROUTINE);
    }

    private static CaseRecords requested(Urgency urgency) {
        return CaseRecords.request(new RequestRecords("case-1", "lung", urgency, NOW.plusSeconds(86400)),
                "cmd-1", CHECKLIST, NOW);
    }

    @Test
    void aScanWithoutAStatedDateIsAsOldAsItsDicomStudyDate() {
        CaseRecords records = requested();
        RecordDocument oldCt = new RecordDocument("d1", "case-1", "pet-ct", "IM0001", "application/dicom",
                "application/dicom", 10, "sha-d1", NOW, null,
                new org.consilium.records.dicom.DicomStudy("1.2.3", "PT", TODAY.minusDays(70)), true);
        records.attach(oldCt, NOW);
        assertThat(oldCt.producedOn()).isEqualTo(TODAY.minusDays(70));
        assertThat(records.item("pet-ct").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.STALE);
        // a date the uploader states wins over the file's own
        assertThat(new RecordDocument("d2", "case-1", "pet-ct", "IM0002", "application/dicom", "application/dicom", 10,
                "sha-d2", NOW, TODAY.minusDays(3), oldCt.dicom(), true).producedOn()).isEqualTo(TODAY.minusDays(3));
    }

    @Test
    void aReportWithoutAStatedDateIsAsOldAsItsPdfMetadataSaysAndAStatedDateWins() {
        CaseRecords records = requested();
        RecordDocument oldReport = document("d1", "pet-ct").withPdfDate(TODAY.minusDays(70));
        records.attach(oldReport, NOW);
        assertThat(oldReport.producedOn()).isEqualTo(TODAY.minusDays(70));
        assertThat(records.item("pet-ct").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.STALE);
        // the uploader's (or the FHIR DocumentReference's) date, then the file's own, then the upload date
        assertThat(document("d2", "pet-ct", TODAY.minusDays(3)).withPdfDate(TODAY.minusDays(70)).producedOn())
                .isEqualTo(TODAY.minusDays(3));
        assertThat(document("d3", "pet-ct").producedOn()).isEqualTo(TODAY);
        // the document's own translations and uploader keep the date
        assertThat(oldReport.uploadedBy("lee").asTranslationOf("d0").pdfDate()).isEqualTo(TODAY.minusDays(70));
    }

    private static RecordDocument document(String id, String item) {
        return document(id, item, null);
    }

    private static RecordDocument document(String id, String item, LocalDate documentDate) {
        return new RecordDocument(id, "case-1", item, id + ".pdf", "application/pdf", "application/pdf", 10,
                "sha-" + id, NOW, documentDate, null, true);
    }

    private static List<MessageType> raised(CaseRecords records) {
        return records.raised().stream().map(OutboxEntry::type).toList();
    }

    private static <T> T payload(OutboxEntry entry, Class<T> type) {
        return type.cast(entry.toEnvelope("/test").payload());
    }

    @Test
    void theChecklistStartsWithRecordsIncompleteNamingEveryRequiredItem() {
        CaseRecords records = requested();
        assertThat(raised(records)).containsExactly(MessageType.RECORDS_INCOMPLETE);
        RecordsIncomplete incomplete = payload(records.raised().get(0), RecordsIncomplete.class);
        assertThat(incomplete.missingItems()).containsExactly("pathology-report", "pet-ct");
        assertThat(incomplete.staleItems()).isEmpty();
    }

    @Test
    void completesOnceWhenEveryRequiredItemHasAFreshDocument() {
        CaseRecords records = requested();
        records.attach(document("d1", "molecular-results"), NOW); // optional: the missing items stay the same
        records.attach(document("d2", "pathology-report"), NOW);
        assertThat(records.status()).isEqualTo(RecordsStatus.COLLECTING);
        records.attach(document("d3", "pet-ct"), NOW);
        records.attach(document("d4", "pet-ct"), NOW);

        assertThat(records.status()).isEqualTo(RecordsStatus.COMPLETE);
        assertThat(raised(records)).containsExactly(MessageType.RECORDS_INCOMPLETE, MessageType.DOCUMENT_RECEIVED,
                MessageType.DOCUMENT_RECEIVED, MessageType.RECORDS_INCOMPLETE, MessageType.DOCUMENT_RECEIVED,
                MessageType.RECORDS_COMPLETED, MessageType.DOCUMENT_RECEIVED);
        assertThat(payload(records.raised().get(3), RecordsIncomplete.class).missingItems()).containsExactly("pet-ct");
        assertThat(payload(records.raised().get(5), RecordsCompleted.class).documentCount()).isEqualTo(3);
        assertThat(payload(records.raised().get(1), DocumentReceived.class).checklistItem()).isEqualTo("molecular-results");
        assertThat(records.raised().get(0).eventId()).isNotEqualTo(records.raised().get(3).eventId());
    }

    @Test
    void aDocumentOlderThanItsWindowLeavesTheItemStaleAndRaisesIncompleteOnce() {
        CaseRecords records = requested();
        records.attach(document("d1", "pathology-report", TODAY.minusYears(3)), NOW); // pathology never expires
        records.attach(document("d2", "pet-ct", TODAY.minusDays(61)), NOW);

        RequestedItem pet = records.item("pet-ct").orElseThrow();
        assertThat(pet.status(TODAY)).isEqualTo(ItemStatus.STALE);
        assertThat(pet.staleReason(TODAY)).hasValueSatisfying(r -> assertThat(r).contains("2026-09-25", "61 days", "60 days"));
        assertThat(records.item("pathology-report").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.RECEIVED);
        assertThat(records.status()).isEqualTo(RecordsStatus.COLLECTING);
        RecordsIncomplete last = payload(records.raised().get(records.raised().size() - 1), RecordsIncomplete.class);
        assertThat(last.missingItems()).isEmpty();
        assertThat(last.staleItems()).containsExactly("pet-ct");

        records.attach(document("d3", "pet-ct", TODAY.minusDays(70)), NOW); // still stale: no new RecordsIncomplete
        assertThat(raised(records).get(raised(records).size() - 1)).isEqualTo(MessageType.DOCUMENT_RECEIVED);

        records.attach(document("d4", "pet-ct", TODAY.minusDays(60)), NOW); // exactly 60 days: fresh
        assertThat(records.status()).isEqualTo(RecordsStatus.COMPLETE);
        assertThat(raised(records)).containsOnlyOnce(MessageType.RECORDS_COMPLETED);
        assertThat(raised(records).stream().filter(MessageType.RECORDS_INCOMPLETE::equals)).hasSize(3);
    }

    @Test
    void urgentCasesGetTheStricterWindow() {
        CaseRecords routine = requested(Urgency.ROUTINE);
        CaseRecords urgent = requested(Urgency.URGENT);
        CaseRecords expedited = requested(Urgency.EXPEDITED);
        for (CaseRecords records : List.of(routine, urgent, expedited)) {
            records.attach(document("d1", "pet-ct", TODAY.minusDays(31)), NOW);
        }
        assertThat(routine.item("pet-ct").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.RECEIVED);
        assertThat(expedited.item("pet-ct").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.RECEIVED);
        assertThat(urgent.item("pet-ct").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.STALE);
        assertThat(urgent.item("pet-ct").orElseThrow().recencyDays()).isEqualTo(30);
        // a window without an urgent variant applies unchanged
        assertThat(urgent.item("cea").orElseThrow().recencyDays()).isEqualTo(30);
        assertThat(urgent.item("pathology-report").orElseThrow().recencyDays()).isNull();
    }

    @Test
    void withoutADocumentDateTheUploadDateCountsSoItemsGoStaleAsTimePasses() {
        CaseRecords records = requested();
        records.attach(document("d1", "pet-ct"), NOW);
        RequestedItem pet = records.item("pet-ct").orElseThrow();
        assertThat(pet.status(TODAY.plusDays(60))).isEqualTo(ItemStatus.RECEIVED);
        assertThat(pet.status(TODAY.plusDays(61))).isEqualTo(ItemStatus.STALE);
        assertThat(records.staleItems(TODAY.plusDays(61))).containsExactly("pet-ct");
    }

    @Test
    void aWaivedItemCountsAsSatisfiedAndTheWaiverIsRecorded() {
        CaseRecords records = requested();
        records.attach(document("d1", "pet-ct", TODAY.minusDays(90)), NOW);
        assertThat(records.waive("pet-ct", WAIVER, NOW)).isTrue();
        RequestedItem pet = records.item("pet-ct").orElseThrow();
        assertThat(pet.status(TODAY)).isEqualTo(ItemStatus.WAIVED);
        assertThat(pet.waiver()).isEqualTo(WAIVER);
        RecordsIncomplete last = payload(records.raised().get(records.raised().size() - 1), RecordsIncomplete.class);
        assertThat(last.missingItems()).containsExactly("pathology-report");
        assertThat(last.staleItems()).isEmpty();

        assertThatThrownBy(() -> records.waive("pet-ct", WAIVER, NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("item-already-waived"));
        records.waive("pathology-report", WAIVER, NOW);
        assertThat(records.status()).isEqualTo(RecordsStatus.COMPLETE);
        assertThat(raised(records)).endsWith(MessageType.RECORDS_COMPLETED);
        assertThat(records.item("pathology-report").orElseThrow().status(TODAY)).isEqualTo(ItemStatus.WAIVED);
    }

    @Test
    void waiverProblems() {
        assertThatThrownBy(() -> requested().waive("brain-mri", WAIVER, NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.status().value()).isEqualTo(404));
        CaseRecords cancelled = requested();
        cancelled.cancel(new CancelCase("case-1", "withdrawn"), "cmd-2", NOW);
        assertThatThrownBy(() -> cancelled.waive("pet-ct", WAIVER, NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("case-cancelled"));
        assertThatThrownBy(() -> cancelled.overrideCompleteness(WAIVER, NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("case-cancelled"));
    }

    @Test
    void anOverrideCompletesNowOnceAndIsRecorded() {
        CaseRecords records = requested();
        records.attach(document("d1", "pathology-report"), NOW);
        CoordinatorDecision override = new CoordinatorDecision("coordinator.lee", "surgery in 5 days", NOW);
        assertThat(records.overrideCompleteness(override, NOW)).isTrue();
        assertThat(records.status()).isEqualTo(RecordsStatus.COMPLETE);
        assertThat(records.override()).isEqualTo(override);
        assertThat(raised(records)).endsWith(MessageType.RECORDS_COMPLETED).containsOnlyOnce(MessageType.RECORDS_COMPLETED);
        assertThatThrownBy(() -> records.overrideCompleteness(override, NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("records-complete"));
        assertThatThrownBy(() -> records.waive("pet-ct", WAIVER, NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("records-complete"));
        records.attach(document("d2", "pet-ct"), NOW); // still takes documents, completes nothing again
        assertThat(raised(records)).containsOnlyOnce(MessageType.RECORDS_COMPLETED);
    }

    @Test
    void theSameContentTwiceIsADuplicateNamingTheFirstDocument() {
        CaseRecords records = requested();
        records.attach(document("d1", "pathology-report"), NOW);
        RecordDocument again = new RecordDocument("d2", "case-1", "pet-ct", "x.pdf", "application/pdf", "application/pdf",
                10, "sha-d1", NOW, null, null, true);
        assertThatThrownBy(() -> records.attach(again, NOW)).isInstanceOfSatisfying(DuplicateDocument.class, p -> {
            assertThat(p.slug()).isEqualTo("duplicate-document");
            assertThat(p.existingDocumentId()).isEqualTo("d1");
            assertThat(p.getMessage()).contains("d1", "pathology-report");
        });
        assertThat(records.documents()).hasSize(1);
    }

    @Test
    void aRecheckRaisesIncompleteOnlyWhenDocumentsAgedPastTheirWindow() {
        CaseRecords records = requested();
        records.attach(document("d1", "pet-ct", TODAY.minusDays(50)), NOW);
        int before = records.raised().size();
        assertThat(records.recheck(NOW.plus(java.time.Duration.ofDays(10)))).isFalse(); // 60 days old: still fresh
        assertThat(records.recheck(NOW.plus(java.time.Duration.ofDays(11)))).isTrue();
        RecordsIncomplete last = payload(records.raised().get(records.raised().size() - 1), RecordsIncomplete.class);
        assertThat(last.staleItems()).containsExactly("pet-ct");
        assertThat(last.missingItems()).containsExactly("pathology-report");
        assertThat(records.recheck(NOW.plus(java.time.Duration.ofDays(12)))).isFalse();
        assertThat(records.raised()).hasSize(before + 1);
    }

    @Test
    void attachingTheSameDocumentTwiceChangesNothing() {
        CaseRecords records = requested();
        assertThat(records.attach(document("d1", "pet-ct"), NOW)).isTrue();
        assertThat(records.attach(document("d1", "pet-ct"), NOW)).isFalse();
        assertThat(records.documents()).hasSize(1);
        assertThat(raised(records)).containsExactly(MessageType.RECORDS_INCOMPLETE, MessageType.DOCUMENT_RECEIVED,
                MessageType.RECORDS_INCOMPLETE);
    }

    @Test
    void refusesUnknownItemsNamingTheValidOnes() {
        assertThatThrownBy(() -> requested().checkAccepts("brain-mri")).isInstanceOfSatisfying(DomainProblem.class, p -> {
            assertThat(p.slug()).isEqualTo("unknown-checklist-item");
            assertThat(p.getMessage()).contains("pathology-report, pet-ct, cea, molecular-results");
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
        assertThat(raised(records)).doesNotContain(MessageType.RECORDS_COMPLETED);
    }

    @Test
    void remembersAppliedCommands() {
        CaseRecords records = requested();
        assertThat(records.hasApplied("cmd-1")).isTrue();
        assertThat(records.requestAgain("cmd-1")).isFalse();
        assertThat(records.requestAgain("cmd-3")).isTrue();
        assertThat(records.appliedEvents()).containsExactly("cmd-1", "cmd-3");
    }

    @Test
    void aTranslationIsLinkedAndClearsTheNeedOfItsOriginal() {
        CaseRecords records = requested();
        records.attach(document("d1", "pathology-report"), NOW);
        assertThat(records.needTranslation("d1", "en")).isTrue();
        assertThat(records.needTranslation("d1", "en")).as("same language again changes nothing").isFalse();
        assertThat(records.document("d1").orElseThrow().translationNeeded()).isEqualTo("en");

        records.attach(document("d2", "pathology-report").asTranslationOf("d1"), NOW);
        RecordDocument original = records.document("d1").orElseThrow();
        assertThat(original.translationNeeded()).isNull();
        assertThat(original.translatedInto()).isEqualTo("en");
        assertThat(original.translations()).containsExactly("d2");
        assertThat(records.document("d2").orElseThrow().translationOf()).isEqualTo("d1");
    }

    @Test
    void aTranslationOfAnUnknownDocumentIsRefused() {
        CaseRecords records = requested();
        assertThatThrownBy(() -> records.attach(document("d2", "pathology-report").asTranslationOf("elsewhere"), NOW))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("unknown-original-document"));
        assertThat(records.documents()).isEmpty();
        assertThatThrownBy(() -> records.needTranslation("nope", "en"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("not-found"));
    }
}
