package org.consilium.console.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.CaseViewStore;
import org.consilium.console.caseview.OpenTaskView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cases with no progress past their stage's target ({@link StageTargets}), read from the console's read model (ADR 18),
 * joined with the engine's open incidents: a case an incident stops is ops's to act on, one that waits for people
 * says for whom.
 */
@Component
public class StuckCases {
    static final int SHOWN = 200;

    private final CaseViewStore cases;
    private final StageTargets targets;
    private final Clock clock;

    public StuckCases(CaseViewStore cases, StageTargets targets, Clock clock) {
        this.cases = cases;
        this.targets = targets;
        this.clock = clock;
    }

    /** The longest overdue first, at most {@value #SHOWN}. */
    public Mono<List<StuckCase>> now(List<Incident> incidents) {
        Instant now = clock.instant();
        Map<String, Instant> movedBefore = targets.stuckAfter().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, target -> now.minus(target.getValue())));
        Map<String, String> incidentByCase = incidents.stream().filter(incident -> incident.caseId() != null)
                .collect(Collectors.toMap(Incident::caseId, Incident::message, (newest, older) -> newest));
        return cases.notMovedSince(movedBefore)
                .map(view -> stuck(view, now, incidentByCase.get(view.caseId())))
                .sort(Comparator.comparing(StuckCase::overdueBy).reversed())
                .take(SHOWN).collectList();
    }

    private StuckCase stuck(CaseView view, Instant now, String incident) {
        Duration overdue = Duration.between(view.stageAt().plus(targets.stuckAfter().get(view.stage())), now);
        return new StuckCase(view.caseId(), view.stage(), view.stageAt(), overdue, waitsOn(view), incident);
    }

    /** A coordinator task open on the case is the case's next move; else the stage says whose it is. */
    static String waitsOn(CaseView view) {
        if (!view.openTasks().isEmpty()) {
            return "coordinators: " + view.openTasks().stream().map(OpenTaskView::name).distinct()
                    .collect(Collectors.joining(", "));
        }
        return switch (view.stage()) {
            case "SUBMITTED" -> "the engine: no intake review task opened";
            case "COLLECTING_RECORDS" -> "the patient's side and their doctor: records";
            case "RECORDS_COMPLETE" -> "mdt-scheduler: the review is not scheduled";
            case "MDT_SCHEDULED" -> "the panel: opinions and consensus";
            case "MDT_CONCLUDED" -> "the report's approval and release";
            default -> "nobody named";
        };
    }
}
