package org.consilium.console.casepage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.consilium.console.worklist.EngineTasks;
import org.consilium.console.worklist.IntakeCases;
import org.consilium.console.worklist.OpenTask;
import org.consilium.console.worklist.TimeLeft;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** One case: its header from intake and its open tasks from the engine, each with its clock. */
@Controller
class CasePageController {
    private final IntakeCases intake;
    private final EngineTasks engine;
    private final Clock clock;

    CasePageController(IntakeCases intake, EngineTasks engine, Clock clock) {
        this.intake = intake;
        this.engine = engine;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}")
    Mono<String> casePage(@PathVariable String caseId, @RequestParam(required = false) String refused, Model model) {
        model.addAttribute("refused", refused);
        model.addAttribute("here", "/cases/" + caseId);
        Mono<List<TaskLine>> tasks = engine.ofCase(caseId)
                .flatMapSequential(task -> clockOf(task).map(left -> new TaskLine(task, left)))
                .collectList();
        return Mono.zip(intake.header(caseId), tasks)
                .flatMap(found -> triaged(found.getT2()).doOnNext(urgency -> {
                    model.addAttribute("caseFile", found.getT1());
                    model.addAttribute("tasks", found.getT2());
                    model.addAttribute("triagedUrgency", urgency);
                }))
                .thenReturn("case");
    }

    /** The triage table's urgency while intake has none confirmed yet (as on the worklist); "" when unknown. */
    private Mono<String> triaged(List<TaskLine> tasks) {
        List<String> instances = tasks.stream().map(line -> line.task().processInstanceId()).distinct().toList();
        return engine.triagedUrgencies(instances)
                .map(found -> found.values().stream().findFirst().orElse(""));
    }

    private Mono<TimeLeft> clockOf(OpenTask task) {
        return engine.nextClock(task.processInstanceId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(next -> TimeLeft.of(task.dueAt(), next, clock.instant()));
    }

    /** A task on the case page, with its time left. */
    record TaskLine(OpenTask task, TimeLeft timeLeft) {
    }
}
