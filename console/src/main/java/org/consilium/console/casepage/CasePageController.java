package org.consilium.console.casepage;

import java.time.Clock;
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
        return Mono.zip(intake.header(caseId), engine.ofCase(caseId)
                        .flatMapSequential(task -> clockOf(task).map(left -> new TaskLine(task, left)))
                        .collectList())
                .doOnNext(found -> {
                    model.addAttribute("caseFile", found.getT1());
                    model.addAttribute("tasks", found.getT2());
                })
                .thenReturn("case");
    }

    private Mono<TimeLeft> clockOf(OpenTask task) {
        return engine.nextClock(task.processInstanceId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(next -> TimeLeft.of(task.dueAt(), next, clock.instant()));
    }

    /** A task on the case page, with its time left. */
    record TaskLine(OpenTask task, TimeLeft timeLeft) {
    }
}
