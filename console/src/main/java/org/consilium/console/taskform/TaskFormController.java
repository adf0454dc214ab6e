package org.consilium.console.taskform;

import org.consilium.console.language.StaffWords;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.console.engine.EngineTasks;
import org.consilium.console.pages.Refusals;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * A task's form, submitted: completed through the engine with the coordinator's token, then back to the case page
 * with a confirmation (303, so a reload does not submit twice). A refusal is kept in the session and the browser is
 * sent to the case page too (Post/Redirect/Get: it never stays on this address), which shows the values sent and
 * each of the engine's complaints next to the field it names.
 */
@Controller
class TaskFormController {
    private final EngineTasks engine;
    private final TaskFormDefinitions definitions;
    private final TaskCompletion completion;
    private final Refusals refusals;

    TaskFormController(EngineTasks engine, TaskFormDefinitions definitions, TaskCompletion completion, Refusals refusals) {
        this.engine = engine;
        this.definitions = definitions;
        this.completion = completion;
        this.refusals = refusals;
    }

    @PostMapping("/cases/{caseId}/tasks/{taskId}/complete")
    Mono<Rendering> complete(@PathVariable String caseId, @PathVariable String taskId, Authentication authentication,
                             ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String username = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> sent = new LinkedHashMap<>(form.toSingleValueMap());
            sent.remove("_csrf");
            // the task must be one of this case's open tasks: the path's case is where the browser is sent back to
            return engine.ofCase(caseId).filter(task -> task.id().equals(taskId)).next()
                    .switchIfEmpty(Mono.error(() -> new ServiceProblem(404, "urn:consilium:problem:not-found",
                            w.say("task.gone.title"), w.say("task.gone.detail"))))
                    .flatMap(task -> definitions.of(task)
                            .flatMap(declared -> completion.complete(task, declared, sent, username))
                            .then(Mono.fromSupplier(() -> Rendering.redirectTo(page(caseId) + "?done="
                                    + UriUtils.encodeQueryParam(w.task(task.taskDefinitionKey(), task.name()), StandardCharsets.UTF_8)).build())))
                    // refused: kept for the case page, and the browser sent there (303), never left on this address
                    .onErrorResume(ServiceProblem.class, problem -> refusals.keep(exchange, new Attempt(taskId, sent,
                                    problem.fieldErrors(), problem.fieldErrors().isEmpty() ? inWords(problem, w) : null,
                                    problem.status()))
                            .map(key -> Rendering.redirectTo(page(caseId) + "?" + Refusals.PARAMETER + "=" + key
                                    + "#task-" + taskId).build()));
        });
    }

    private static String page(String caseId) {
        return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
    }

    private static String inWords(ServiceProblem problem, StaffWords w) {
        String detail = problem.detail() == null || problem.detail().isBlank() ? "" : w.say("colon") + problem.detail();
        return w.say("task.notCompleted", problem.title() + detail);
    }
}
