package org.consilium.console.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.consilium.events.Envelope;
import org.consilium.events.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The read model's case: what each event changes, each applied once, in whatever order the topics deliver them. */
class CaseViewTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final String CASE = "case-1";

    private static CaseView applyAll(List<Envelope> events) {
        CaseView view = CaseView.empty(CASE);
        for (Envelope event : events) {
            view = view.apply(event);
        }
        return view;
    }

    @Test
    void aCaseThroughItsTasksAndStages() {
        CaseView view = applyAll(List.of(
                CaseEvents.submitted(CASE, "lung", T0),
                CaseEvents.opened(CASE, "t-1", "Review intake", "URGENT", T0.plusSeconds(1), T0.plusSeconds(86_400)),
                CaseEvents.assigned(CASE, "t-1", "cora.nolan", T0.plusSeconds(2))));
        assertThat(view.stage()).isEqualTo("SUBMITTED");
        assertThat(view.cancerType()).isEqualTo("lung");
        assertThat(view.urgency()).isEqualTo("URGENT");
        assertThat(view.urgencyConfirmed()).isFalse();
        assertThat(view.openTasks()).singleElement().satisfies(task -> {
            assertThat(task.assignee()).isEqualTo("cora.nolan");
            assertThat(task.deadline()).isEqualTo(T0.plusSeconds(86_400));
            assertThat(task.deadlineSource()).isEqualTo("clock");
        });

        view = view.apply(CaseEvents.closed(CASE, "t-1", "cora.nolan", T0.plusSeconds(3)))
                .apply(CaseEvents.accepted(CASE, Urgency.EXPEDITED, T0.plusSeconds(3)))
                .apply(CaseEvents.recordsCompleted(CASE, T0.plusSeconds(60)));
        assertThat(view.openTasks()).isEmpty();
        assertThat(view.urgency()).isEqualTo("EXPEDITED");
        assertThat(view.urgencyConfirmed()).isTrue();
        assertThat(view.stage()).isEqualTo("RECORDS_COMPLETE");
        assertThat(view.timeline()).extracting(TimelineEntry::type).containsExactly("CaseSubmitted", "TaskOpened",
                "TaskAssigned", "TaskClosed", "CaseAccepted", "RecordsCompleted");
        assertThat(view.timeline()).extracting(TimelineEntry::service)
                .containsExactly("intake-service", "bpmn", "bpmn", "bpmn", "bpmn", "records-service");
        assertThat(view.timeline().get(3).summary()).isEqualTo("Review intake completed by cora.nolan");
    }

    static List<Envelope> everyKind() {
        return List.of(CaseEvents.submitted(CASE, "lung", T0), CaseEvents.accepted(CASE, Urgency.URGENT, T0),
                CaseEvents.recordsRequested(CASE, T0), CaseEvents.recordsCompleted(CASE, T0),
                CaseEvents.opened(CASE, "t-9", "Verify dossier", "URGENT", T0, null),
                CaseEvents.assigned(CASE, "t-9", "ana.okafor", T0), CaseEvents.closed(CASE, "t-9", "ana.okafor", T0));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void aRedeliveredEventIsAppliedOnce(Envelope event) {
        CaseView once = CaseView.empty(CASE).apply(CaseEvents.opened(CASE, "t-9", "Verify dossier", null, T0, null)).apply(event);
        CaseView twice = once.apply(event);
        assertThat(twice).isSameAs(once);
        assertThat(twice.timeline()).filteredOn(entry -> entry.id().equals(event.id())).hasSize(1);
    }

    @Test
    void eventsOfOtherTopicsArrivingEarlyOrLateStillCount() {
        // the task's topic overtook intake's: the task is there at once, the case's facts fill in when they come
        CaseView view = applyAll(List.of(
                CaseEvents.opened(CASE, "t-1", "Review intake", "URGENT", T0.plusSeconds(1), null),
                CaseEvents.recordsCompleted(CASE, T0.plusSeconds(90)),
                CaseEvents.recordsRequested(CASE, T0.plusSeconds(30)),
                CaseEvents.submitted(CASE, "breast", T0)));
        assertThat(view.openTasks()).hasSize(1);
        assertThat(view.cancerType()).isEqualTo("breast");
        assertThat(view.stage()).as("a stage never goes back").isEqualTo("RECORDS_COMPLETE");
        assertThat(view.timeline()).extracting(TimelineEntry::type).as("in the order things happened")
                .containsExactly("CaseSubmitted", "TaskOpened", "RequestRecords", "RecordsCompleted");
        // a task closed once is not opened again by a late redelivery of its opening
        Envelope opened = CaseEvents.opened(CASE, "t-2", "Verify dossier", null, T0, null);
        view = view.apply(opened).apply(CaseEvents.closed(CASE, "t-2", null, T0.plusSeconds(5))).apply(opened);
        assertThat(view.openTasks()).extracting(OpenTaskView::taskId).containsExactly("t-1");
    }

    @Test
    void eachStepOfTheTimelineCarriesTheTraceItWasWrittenIn() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        CaseView view = applyAll(List.of(
                CaseEvents.submitted(CASE, "lung", T0).withTraceparent("00-" + trace + "-00f067aa0ba902b7-01"),
                CaseEvents.recordsRequested(CASE, T0.plusSeconds(30)).withTraceparent("not a traceparent")));
        assertThat(view.timeline()).extracting(TimelineEntry::traceId).containsExactly(trace, null);
    }

    @Test
    void theTimelineNamesNothingSealed() {
        CaseView view = applyAll(List.of(CaseEvents.submitted(CASE, "lung", T0)));
        assertThat(view.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.summary()).isEqualTo("Request submitted: lung, 0 documents attached, 1 consent given");
            assertThat(entry.summary()).doesNotContain(CaseEvents.SEALED_NAME).doesNotContain("budi@")
                    .doesNotContain("chemotherapy");
        });
        assertThat(view.toString()).doesNotContain(CaseEvents.SEALED_NAME).doesNotContain(CaseEvents.SEALED_QUESTION);
    }
}
