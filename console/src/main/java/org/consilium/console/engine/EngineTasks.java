package org.consilium.console.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.consilium.console.services.ServiceClients.Engine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The engine's user tasks and clocks, read and claimed with the signed-in user's token: the engine's own
 * authorizations decide what a coordinator sees and may do (bpmn {@code EngineAccess}).
 */
@Component
public class EngineTasks {
    private final Engine engine;

    public EngineTasks(Engine engine) {
        this.engine = engine;
    }

    public Flux<OpenTask> open(int limit) {
        return engine.client().get()
                .uri(uri -> uri.path("/task").queryParam("sortBy", "created").queryParam("sortOrder", "asc")
                        .queryParam("maxResults", limit).build())
                .retrieve().bodyToFlux(OpenTask.class);
    }

    public Flux<OpenTask> ofCase(String caseId) {
        return engine.client().get()
                .uri(uri -> uri.path("/task").queryParam("processInstanceBusinessKey", "{key}")
                        .queryParam("sortBy", "created").queryParam("sortOrder", "asc").build(caseId))
                .retrieve().bodyToFlux(OpenTask.class);
    }

    /** Process instance id → case id (the business key). POSTed: two hundred ids overflow a URL. */
    public Mono<Map<String, String>> caseIds(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return engine.client().post().uri("/process-instance")
                .bodyValue(Map.of("processInstanceIds", List.copyOf(processInstanceIds)))
                .retrieve().bodyToFlux(ProcessInstance.class)
                .filter(instance -> instance.businessKey() != null)
                .collectMap(ProcessInstance::id, ProcessInstance::businessKey);
    }

    /**
     * Process instance id → the triage decision table's urgency (variable {@code urgency}): what the case's clocks run
     * on before a coordinator confirms it and intake learns it (CaseAccepted).
     */
    public Mono<Map<String, String>> triagedUrgencies(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return engine.client().post().uri("/variable-instance")
                .bodyValue(Map.of("variableName", "urgency", "processInstanceIdIn", List.copyOf(processInstanceIds)))
                .retrieve().bodyToFlux(Variable.class)
                .filter(variable -> variable.value() instanceof String)
                .collectMap(Variable::processInstanceId, variable -> (String) variable.value(), java.util.HashMap::new);
    }

    /**
     * Process instance id → its next timer: the stage's clock (records deadline, scheduling and panel watches,
     * release, delivery) or the next reminder, whichever comes first.
     */
    public Mono<Map<String, Instant>> nextClocks() {
        return engine.client().get()
                .uri(uri -> uri.path("/job").queryParam("timers", true).queryParam("sortBy", "jobDueDate")
                        .queryParam("sortOrder", "asc").queryParam("maxResults", 2000).build())
                .retrieve().bodyToFlux(TimerJob.class)
                .filter(job -> job.processInstanceId() != null && job.due().isPresent())
                .collect(Collectors.toMap(TimerJob::processInstanceId, job -> job.due().orElseThrow(),
                        (first, later) -> first.isBefore(later) ? first : later));
    }

    /** The next timer of one process instance, as {@link #nextClocks()} for all. */
    public Mono<Instant> nextClock(String processInstanceId) {
        return engine.client().get()
                .uri(uri -> uri.path("/job").queryParam("timers", true).queryParam("processInstanceId", "{id}")
                        .queryParam("sortBy", "jobDueDate").queryParam("sortOrder", "asc").build(processInstanceId))
                .retrieve().bodyToFlux(TimerJob.class)
                .flatMap(job -> Mono.justOrEmpty(job.due()))
                .next();
    }

    public Mono<Void> claim(String taskId, String username) {
        return engine.client().post().uri("/task/{id}/claim", taskId).bodyValue(Map.of("userId", username))
                .retrieve().toBodilessEntity().then();
    }

    /** Assigns the task to a named coordinator (the engine's {@code setAssignee}: no check that nobody has it). */
    public Mono<Void> assign(String taskId, String username) {
        return engine.client().post().uri("/task/{id}/assignee", taskId).bodyValue(Map.of("userId", username))
                .retrieve().toBodilessEntity().then();
    }

    /** Who has the task now (the engine's word, not the read model's), empty when nobody. */
    public Mono<java.util.Optional<String>> assignee(String taskId) {
        return engine.client().get().uri("/task/{id}", taskId).retrieve().bodyToMono(OpenTask.class)
                .map(task -> java.util.Optional.ofNullable(task.assignee()));
    }

    public Mono<Void> unclaim(String taskId) {
        return engine.client().post().uri("/task/{id}/unclaim", taskId).retrieve().toBodilessEntity().then();
    }

    record ProcessInstance(String id, String businessKey) {
    }

    record Variable(String processInstanceId, Object value) {
    }

    record TimerJob(String id, String processInstanceId, String dueDate) {
        Optional<Instant> due() {
            return EngineDates.parse(dueDate);
        }
    }
}
