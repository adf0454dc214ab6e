package org.consilium.console.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.ConsoleProperties;
import org.consilium.console.cases.IntakeCases;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.engine.OpenTask;
import org.consilium.console.services.ServiceProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinator's worklist, joined at request time from the owners (ADR 16): open tasks, their case ids and
 * clocks from the engine, each case from intake. Nothing is kept here; a read model fed from Kafka replaces the
 * per-row reads when the list must page through 100,000 cases (issue 13, part 2).
 */
@Component
public class Worklist {
    /** Cases read from intake at once: enough to hide latency, few enough not to flood it. */
    private static final int CASE_READS_AT_ONCE = 8;

    private final EngineTasks engine;
    private final IntakeCases intake;
    private final ConsoleProperties properties;
    private final Clock clock;

    public Worklist(EngineTasks engine, IntakeCases intake, ConsoleProperties properties, Clock clock) {
        this.engine = engine;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<List<WorklistRow>> rows(WorklistFilter filter, String username) {
        Instant now = clock.instant();
        return engine.open(properties.worklistLimit()).collectList().flatMap(tasks -> {
            List<String> instances = tasks.stream().map(OpenTask::processInstanceId).distinct().toList();
            return Mono.zip(engine.caseIds(instances), engine.nextClocks(), engine.triagedUrgencies(instances))
                .map(found -> new EngineFacts(found.getT1(), found.getT2(), found.getT3()))
                .flatMap(facts -> Flux.fromIterable(tasks)
                        .flatMapSequential(task -> row(task, facts, now), CASE_READS_AT_ONCE)
                        .filter(row -> filter.accepts(row, username))
                        .sort(WorklistRow.BY_TIME_LEFT)
                        .collectList());
        });
    }

    private Mono<WorklistRow> row(OpenTask task, EngineFacts facts, Instant now) {
        String instance = task.processInstanceId();
        String caseId = facts.caseIds().get(instance);
        String triaged = facts.urgencies().get(instance);
        TimeLeft left = TimeLeft.of(task.dueAt(), Optional.ofNullable(facts.clocks().get(instance)), now);
        if (caseId == null) {
            return Mono.just(new WorklistRow(task, null, Optional.empty(), "no case id on this process", left, triaged));
        }
        return intake.header(caseId)
                .map(header -> new WorklistRow(task, caseId, Optional.of(header), null, left, triaged))
                // one unreadable case must not take the whole list down: its row says why
                .onErrorResume(error -> Mono.just(new WorklistRow(task, caseId, Optional.empty(),
                        error instanceof ServiceProblem problem ? "intake: " + problem.title() : "intake did not answer",
                        left, triaged)));
    }

    /** What the engine knows of the listed tasks' processes, each by process instance id. */
    private record EngineFacts(Map<String, String> caseIds, Map<String, Instant> clocks, Map<String, String> urgencies) {
    }
}
