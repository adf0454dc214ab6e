package org.consilium.console.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.consilium.console.ConsoleProperties;
import org.consilium.console.cases.CaseHeader;
import org.consilium.console.cases.IntakeCases;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.engine.OpenTask;
import org.consilium.console.services.ServiceProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The join and the order of the worklist; the engine and intake are stand-ins (their HTTP is the browser test's). */
class WorklistTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final EngineTasks engine = mock(EngineTasks.class);
    private final IntakeCases intake = mock(IntakeCases.class);
    private final Worklist worklist = new Worklist(engine, intake,
            new ConsoleProperties(URI.create("http://idp"), "c", "s", URI.create("http://e"), URI.create("http://i"), URI.create("http://r"),
                    URI.create("http://m"), URI.create("http://n"),
                    Duration.ofSeconds(1), 200),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void engineWithThreeOpenTasks() {
        when(engine.open(anyInt())).thenReturn(Flux.just(
                task("t-routine", "pi-1", null, null),
                task("t-breached", "pi-2", null, "cora.nolan"),
                task("t-unreadable", "pi-3", null, null)));
        when(engine.caseIds(anyCollection())).thenReturn(Mono.just(Map.of("pi-1", "case-1", "pi-2", "case-2", "pi-3", "case-3")));
        when(engine.nextClocks()).thenReturn(Mono.just(Map.of(
                "pi-1", NOW.plus(Duration.ofDays(4)), "pi-2", NOW.minus(Duration.ofHours(3)))));
        when(engine.triagedUrgencies(anyCollection())).thenReturn(Mono.just(Map.of("pi-2", "URGENT", "pi-3", "EXPEDITED")));
        when(intake.header("case-1")).thenReturn(Mono.just(header("case-1", "ROUTINE")));
        when(intake.header("case-2")).thenReturn(Mono.just(header("case-2", null)));
        when(intake.header("case-3")).thenReturn(Mono.error(new ServiceProblem(403, "urn:x", "Forbidden", "not yours")));
    }

    @Test
    void leastTimeLeftFirstAndAnUnreadableCaseStillShowsWithTheReason() {
        List<WorklistRow> rows = worklist.rows(WorklistFilter.of(null, null), "cora.nolan").block();

        assertThat(rows).extracting(row -> row.task().id()).containsExactly("t-breached", "t-routine", "t-unreadable");
        assertThat(rows.get(0).timeLeft().state()).isEqualTo("breached");
        assertThat(rows.get(0).urgencyLabel()).isEqualTo("Urgent");
        assertThat(rows.get(0).urgencyConfirmed()).isFalse();
        assertThat(rows.get(1).urgencyLabel()).isEqualTo("Routine");
        assertThat(rows.get(2).caseProblem()).isEqualTo("intake: Forbidden");
    }

    @Test
    void filtersByUrgencyConfirmedOrTriagedAndByWhatIsMine() {
        assertThat(worklist.rows(WorklistFilter.of("URGENT", null), "cora.nolan").block())
                .extracting(row -> row.task().id()).containsExactly("t-breached");
        assertThat(worklist.rows(WorklistFilter.of("EXPEDITED", null), "cora.nolan").block())
                .extracting(row -> row.task().id()).containsExactly("t-unreadable");
        assertThat(worklist.rows(WorklistFilter.of(null, "true"), "cora.nolan").block())
                .extracting(row -> row.task().id()).containsExactly("t-breached");
    }

    private static OpenTask task(String id, String processInstance, String due, String assignee) {
        return new OpenTask(id, "Review intake", assignee, "2026-12-06T07:00:00.000+0000", due, processInstance, "ReviewIntake",
                "second-opinion-case:1:d-1");
    }

    private static CaseHeader header(String caseId, String urgency) {
        return new CaseHeader(caseId, "Budi Santoso", "SUBMITTED", urgency, "lung", "Chemotherapy first?", null,
                NOW, List.of(), Map.of(), List.of(), null, null, null, List.of());
    }
}
