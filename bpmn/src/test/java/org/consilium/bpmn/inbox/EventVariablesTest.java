package org.consilium.bpmn.inbox;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.Recipient;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportReleased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventVariablesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void submissionBecomesTheCaseVariables() {
        Map<String, Object> variables = EventVariables.of(new CaseSubmitted("c-1", "lung", "MAJOR_SURGERY",
                TODAY.plusDays(12), "question", "first opinion", new Recipient("Siti", "siti@example.org", "id"),
                List.of("id", "en"), "Asia/Jakarta", "ID", Instant.now()), TODAY);

        assertThat(variables).containsEntry("caseId", "c-1").containsEntry("cancerType", "lung")
                .containsEntry("plannedTreatmentStart", "2026-12-07").containsEntry("daysUntilTreatment", 12)
                .containsEntry("language", "id").containsEntry("languages", "id,en")
                .containsEntry("timeZone", "Asia/Jakarta").containsEntry("country", "ID")
                .containsEntry("currentDoctorKnown", false);
        assertThat(variables.values()).as("no names, addresses, questions or opinions in the engine (issue 11)")
                .doesNotContain("Siti", "siti@example.org", "question", "first opinion");
    }

    @Test
    void recordsIncompleteBecomesJoinedItemLists() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(EventVariables.of(new RecordsIncomplete("c-1", List.of("pathology report", "staging CT"),
                List.of("blood counts"), at), TODAY)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "missingItems", "pathology report,staging CT", "staleItems", "blood counts",
                "recordsIncompleteAt", "2026-11-25T10:00:00Z"));
        assertThat(EventVariables.of(new RecordsIncomplete("c-1", null, null, at), TODAY))
                .containsEntry("missingItems", "").containsEntry("staleItems", "");
        assertThat(EventVariables.APPLIED_TYPES).contains(MessageType.RECORDS_INCOMPLETE);
    }

    @Test
    void noPlannedStartNoLanguagesNoContact() {
        Map<String, Object> variables = EventVariables.of(new CaseSubmitted("c-2", "breast", null, null, null, null,
                null, List.of(), null, null, Instant.now()), TODAY);

        assertThat(variables).containsEntry("daysUntilTreatment", EventVariables.NO_PLANNED_START)
                .containsEntry("plannedTreatmentStart", null).containsEntry("language", "en")
                .containsEntry("languages", "");
    }

    @Test
    void theReportStaysWithMdtSchedulerOnlyItsVersionAndTimesReachTheEngine() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        ReportContent report = new ReportContent(true, "go ahead", "summary", null, List.of("a", "b"), "dr-tan");
        assertThat(EventVariables.of(new MdtConcluded("c-3", report, at), TODAY))
                .containsExactlyEntriesOf(Map.of("mdtConcludedAt", "2026-11-25T10:00:00Z"));
        assertThat(EventVariables.of(new ReportReleased("c-3", 2, report, "cora.nolan", at), TODAY))
                .containsExactlyInAnyOrderEntriesOf(Map.of("reportVersion", 2, "reportReleasedBy", "cora.nolan"));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        InboxProperties properties = new InboxProperties(Duration.ofMillis(300), Duration.ofMillis(250),
                Duration.ofSeconds(10), Duration.ofDays(7), 20, 50, Duration.ofDays(30), 1);
        assertThat(properties.backoff(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(40)).isEqualTo(Duration.ofSeconds(10));
    }
}
