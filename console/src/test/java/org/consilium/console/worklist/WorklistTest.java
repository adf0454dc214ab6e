package org.consilium.console.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.consilium.console.caseview.CaseEvents;
import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.CaseViewStore;
import org.consilium.console.caseview.PatientNames;
import org.consilium.console.caseview.TestCaseViews;
import org.consilium.console.cases.CaseHeader;
import org.consilium.console.cases.IntakeCases;
import org.consilium.console.errors.BadInput;
import org.consilium.console.services.ServiceProblem;
import org.consilium.events.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/** The worklist over the read model: order, filters, search, paging, and the join of the rows shown with intake. */
class WorklistTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final IntakeCases intake = mock(IntakeCases.class);
    private final OpenWork openWork = new OpenWork(mock(CaseViewStore.class));
    private final Worklist worklist = new Worklist(openWork, intake, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void threeCases() {
        openWork.changed(TestCaseViews.of("case-routine", "breast", "ROUTINE", true,
                CaseEvents.opened("case-routine", "t-routine", "Verify dossier", "ROUTINE", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(4)))));
        CaseView breached = TestCaseViews.of("case-breached", "lung", "URGENT", false,
                CaseEvents.opened("case-breached", "t-breached", "Review intake", "URGENT", NOW.minusSeconds(30), NOW.minus(Duration.ofHours(3))),
                CaseEvents.assigned("case-breached", "t-breached", "cora.nolan", NOW));
        openWork.changed(breached);
        openWork.changed(TestCaseViews.of("case-unreadable", "lung", "EXPEDITED", false,
                CaseEvents.opened("case-unreadable", "t-unreadable", "Chase missing records", "EXPEDITED", NOW, null)));
        when(intake.header("case-routine")).thenReturn(Mono.just(header("case-routine")));
        when(intake.header("case-breached")).thenReturn(Mono.just(header("case-breached")));
        when(intake.header("case-unreadable")).thenReturn(Mono.error(new ServiceProblem(403, "urn:x", "Forbidden", "not yours")));
    }

    private List<String> tasks(Map<String, String> params) {
        return worklist.show(WorklistQuery.of(query(params)), "cora.nolan").block().rows().stream()
                .map(row -> row.item().taskId()).toList();
    }

    @Test
    void leastTimeLeftFirstAndAnUnreadableCaseStillShowsWithTheReason() {
        List<WorklistRow> rows = worklist.show(WorklistQuery.all(), "cora.nolan").block().rows();

        assertThat(rows).extracting(row -> row.item().taskId()).containsExactly("t-breached", "t-routine", "t-unreadable");
        assertThat(rows.get(0).timeLeft().state()).isEqualTo("breached");
        assertThat(rows.get(0).urgencyLabel()).isEqualTo("Urgent");
        assertThat(rows.get(0).urgencyConfirmed()).isFalse();
        assertThat(rows.get(0).patientName()).isEqualTo("Budi Santoso");
        assertThat(rows.get(1).urgencyLabel()).isEqualTo("Routine");
        assertThat(rows.get(2).caseProblem()).isEqualTo("intake: Forbidden");
        assertThat(rows.get(2).timeLeft().known()).isFalse();
    }

    @Test
    void filtersSearchAndOrder() {
        assertThat(tasks(Map.of("urgency", "URGENT"))).containsExactly("t-breached");
        assertThat(tasks(Map.of("tumour", "lung"))).containsExactly("t-breached", "t-unreadable");
        assertThat(tasks(Map.of("mine", "true"))).containsExactly("t-breached");
        assertThat(tasks(Map.of("assignee", "nobody"))).containsExactly("t-routine", "t-unreadable");
        assertThat(tasks(Map.of("assignee", "cora.nolan"))).containsExactly("t-breached");
        assertThat(tasks(Map.of("breached", "true"))).containsExactly("t-breached");
        assertThat(tasks(Map.of("breached", "true", "sort", "newest"))).containsExactly("t-breached");
        assertThat(tasks(Map.of("stage", "SUBMITTED"))).hasSize(3);
        assertThat(tasks(Map.of("stage", "MDT_SCHEDULED"))).isEmpty();
        assertThat(tasks(Map.of("q", "ROUTINE"))).as("the start of a case id without case-, any case")
                .containsExactly("t-routine");
        assertThat(tasks(Map.of("q", "Case-ROUT"))).as("the start of a case id").containsExactly("t-routine");
        assertThat(tasks(Map.of("q", "outine"))).as("the start, not any part").isEmpty();
        assertThat(tasks(Map.of("q", "cas"))).as("what every case id starts with").hasSize(3);
        assertThat(tasks(Map.of("sort", "newest"))).containsExactly("t-unreadable", "t-breached", "t-routine");
        assertThat(tasks(Map.of("sort", "oldest"))).containsExactly("t-routine", "t-breached", "t-unreadable");
    }

    @Test
    void pagesAndTheirAddresses() {
        WorklistQuery second = WorklistQuery.of(query(Map.of("page", "2", "size", "5", "tumour", "lung")));
        assertThat(second.here()).isEqualTo("/worklist?tumour=lung&page=2&size=5");
        for (int i = 0; i < 12; i++) {
            String id = "case-more-" + i;
            openWork.changed(TestCaseViews.of(id, "lung", "ROUTINE", true,
                    CaseEvents.opened(id, "t-more-" + i, "Verify dossier", "ROUTINE", NOW, NOW.plus(Duration.ofDays(10 + i)))));
            when(intake.header(id)).thenReturn(Mono.just(header(id)));
        }
        WorkPage page = worklist.show(second, "cora.nolan").block().page();
        assertThat(page.total()).isEqualTo(14);
        assertThat(page.pages()).isEqualTo(3);
        assertThat(page.items()).extracting(WorkItem::taskId).containsExactly("t-more-4", "t-more-5", "t-more-6", "t-more-7", "t-more-8");
        assertThat(page.firstShown()).isEqualTo(6);
    }

    @Test
    void aCaseThatMovesOnLeavesTheListAndAnOlderVersionNeverComesBack() {
        CaseView routine = TestCaseViews.of("case-routine", "breast", "ROUTINE", true,
                CaseEvents.opened("case-routine", "t-routine", "Verify dossier", "ROUTINE", NOW, null),
                CaseEvents.closed("case-routine", "t-routine", "ana.okafor", NOW));
        openWork.changed(routine);
        assertThat(openWork.task("t-routine")).isEmpty();
        openWork.changed(TestCaseViews.of("case-routine", "breast", "ROUTINE", true,
                CaseEvents.opened("case-routine", "t-routine", "Verify dossier", "ROUTINE", NOW, null)));
        assertThat(openWork.task("t-routine")).as("version 1 after version 2").isEmpty();
    }

    @Test
    void whatCannotBeAFilterIsRefusedNamingItsField() {
        for (Map.Entry<String, String> bad : Map.of("stage", "NOWHERE", "urgency", "SOON", "page", "0", "size", "5000",
                "sort", "name", "mine", "perhaps", "q", "<script>", "tumour", "Lung cancer!").entrySet()) {
            assertThatThrownBy(() -> WorklistQuery.of(query(Map.of(bad.getKey(), bad.getValue()))))
                    .isInstanceOfSatisfying(BadInput.class, refused -> assertThat(refused.field()).isEqualTo(bad.getKey()));
        }
    }

    private static MultiValueMap<String, String> query(Map<String, String> params) {
        LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        params.forEach(query::add);
        return query;
    }

    private static CaseHeader header(String caseId) {
        return new CaseHeader(caseId, "Budi Santoso", "SUBMITTED", null, "lung", "Surgery first?", null,
                NOW.minus(Duration.ofDays(1)), List.of(), Map.of(), List.of(), null, null, null, List.of());
    }

    /** With a key, the search box finds a patient by any word of her name, in any case or accent; never half a word. */
    @Test
    void aPatientIsFoundByTheWordsOfHerName() {
        PatientNames names = new PatientNames("a test's key for the hashes of names, 32+ characters");
        OpenWork named = new OpenWork(mock(CaseViewStore.class));
        Worklist withNames = new Worklist(named, intake, Clock.fixed(NOW, ZoneOffset.UTC), names);
        named.changed(TestCaseViews.named(TestCaseViews.of("case-jose", "lung", "ROUTINE", true,
                CaseEvents.opened("case-jose", "t-jose", "Verify dossier", "ROUTINE", NOW, null)), names, "José Ramírez"));
        named.changed(TestCaseViews.named(TestCaseViews.of("case-li", "lung", "ROUTINE", true,
                CaseEvents.opened("case-li", "t-li", "Verify dossier", "ROUTINE", NOW, null)), names, "李明"));
        when(intake.header("case-jose")).thenReturn(Mono.just(header("case-jose")));
        when(intake.header("case-li")).thenReturn(Mono.just(header("case-li")));
        java.util.function.Function<String, List<String>> search = q -> withNames.show(
                WorklistQuery.of(query(Map.of("q", q))), "cora.nolan").block().rows().stream()
                .map(row -> row.item().taskId()).toList();

        assertThat(search.apply("ramirez")).containsExactly("t-jose");
        assertThat(search.apply("JOSÉ Ramírez")).containsExactly("t-jose");
        assertThat(search.apply("José Li")).as("every word must be the patient's").isEmpty();
        assertThat(search.apply("Ramir")).as("words, not parts of words").isEmpty();
        assertThat(search.apply("明")).containsExactly("t-li");
        assertThat(search.apply("case-li")).as("a case id still").containsExactly("t-li");
        assertThat(withNames.findsNames()).isTrue();
        assertThat(worklist.findsNames()).isFalse();
    }
}
