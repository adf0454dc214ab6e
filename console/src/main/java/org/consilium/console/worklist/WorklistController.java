package org.consilium.console.worklist;

import org.consilium.console.language.StaffWords;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.consilium.console.ConsoleProperties;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.errors.BadInput;
import org.consilium.console.pages.ReturnTo;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.consilium.console.work.WorkSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinator's worklist, and claiming and assigning from it. The pages work as plain HTML forms; the script
 * (when it runs) swaps only the list on a live update, and htmx on a filter change, keeping focus and scroll.
 * A claim or assignment is done at the engine with the user's token; the page the browser returns to waits (briefly)
 * until the read model shows it, so the coordinator sees their own change.
 */
@Controller
class WorklistController {
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(3);
    private static final java.util.Map<String, String> STAGES = org.consilium.console.caseview.CaseStage.IN_ORDER.stream()
            .collect(java.util.stream.Collectors.toMap(s -> s, org.consilium.console.caseview.CaseStage::label,
                    (a, b) -> a, java.util.LinkedHashMap::new));

    private final Worklist worklist;
    private final OpenWork openWork;
    private final EngineTasks engine;
    private final List<WorkSource> otherWork;
    private final List<String> coordinators;
    private final WorklistScript script;

    WorklistController(Worklist worklist, OpenWork openWork, EngineTasks engine, List<WorkSource> otherWork,
                       ConsoleProperties properties, WorklistScript script) {
        this.worklist = worklist;
        this.openWork = openWork;
        this.engine = engine;
        this.otherWork = List.copyOf(otherWork);
        this.coordinators = List.copyOf(properties.coordinators());
        this.script = script;
    }

    /**
     * Each role to its own desk: specialists to their review room, patients and caregivers to their cases, ops to
     * the dead letters, everyone else to the worklist (or its 403).
     */
    @GetMapping("/")
    String home(Authentication authentication) {
        List<String> roles = SignedInUser.of(authentication).roles();
        if (roles.contains("coordinator")) {
            return "redirect:/worklist";
        }
        if (roles.contains("specialist")) {
            return "redirect:/room";
        }
        if (roles.contains("patient") || roles.contains("caregiver")) {
            return "redirect:/my";
        }
        return roles.contains("ops") ? "redirect:/ops" : "redirect:/worklist";
    }

    @GetMapping("/worklist")
    Mono<String> worklist(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
                          java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        WorklistQuery query = WorklistQuery.of(params);
        model.addAttribute("query", query);
        model.addAttribute("refused", params.getFirst("refused"));
        model.addAttribute("done", params.getFirst("done"));
        model.addAttribute("here", query.here());
        model.addAttribute("coordinators", coordinators);
        model.addAttribute("stages", STAGES);
        model.addAttribute("worklistScript", script.path());
        model.addAttribute("findsNames", worklist.findsNames());
        // the other kinds of work: a service that does not answer leaves its section saying so, not the page down
        Mono<Boolean> others = Flux.fromIterable(otherWork).flatMap(source -> source.waiting()
                .doOnNext(found -> model.addAttribute(source.name(), found)).then()
                .onErrorResume(error -> Mono.fromRunnable(() -> model.addAttribute(source.name() + "Problem",
                        unavailable(w, source.service(), error))))).then(Mono.just(true));
        return Mono.zip(worklist.show(query, SignedInUser.of(authentication).username()), others)
                .doOnNext(found -> {
                    model.addAttribute("rows", found.getT1().rows());
                    model.addAttribute("work", found.getT1().page());
                })
                .thenReturn("worklist");
    }

    private static String unavailable(StaffWords w, String service, Throwable error) {
        return error instanceof ServiceProblem problem ? w.say("service.answered", service, problem.status(), problem.title())
                : w.say("service.noAnswer", service);
    }

    @PostMapping("/tasks/{taskId}/claim")
    Mono<String> claim(@PathVariable String taskId, Authentication authentication, ServerWebExchange exchange) {
        String me = SignedInUser.of(authentication).username();
        return back(exchange, engine.claim(taskId, me).then(shown(taskId, item -> item.assignedTo(me))), null);
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    Mono<String> unclaim(@PathVariable String taskId, ServerWebExchange exchange) {
        return back(exchange, engine.unclaim(taskId).then(shown(taskId, item -> item.assignee() == null)), null);
    }

    /**
     * Assigns the chosen tasks (one or many rows' boxes) to a named coordinator, one after another; what the engine
     * refuses is said by task, the rest is done. A task a colleague has claimed (someone other than the one assigning
     * and the one it goes to) is kept theirs unless the form says to take it over ({@code takeOver}): the engine's
     * assignment overwrites a claim without a word, and a colleague's work in progress should not vanish from their
     * list because it was ticked among many. The engine is asked who has each task just before; a claim made between
     * that question and the assignment is still overwritten (the engine has no conditional assignment).
     */
    @PostMapping("/tasks/assign")
    Mono<String> assign(ServerWebExchange exchange, Authentication authentication, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            String assignee = Optional.ofNullable(form.getFirst("assignee")).orElse("").strip();
            if (!coordinators.contains(assignee)) {
                return Mono.error(new BadInput("assignee", "assignee must be one of " + String.join(", ", coordinators)));
            }
            List<String> tasks = Optional.ofNullable(form.get("taskId")).orElse(List.of()).stream()
                    .filter(id -> !id.isBlank()).distinct().toList();
            if (tasks.isEmpty()) {
                return Mono.error(new BadInput("taskId", "choose at least one task to assign"));
            }
            if (tasks.size() > 100 || tasks.stream().anyMatch(id -> !id.matches("[A-Za-z0-9-]{1,64}"))) {
                return Mono.error(new BadInput("taskId", "taskId must be up to 100 task ids"));
            }
            boolean takeOver = "true".equals(form.getFirst("takeOver"));
            String me = SignedInUser.of(authentication).username();
            List<String> refused = new ArrayList<>();
            Mono<Void> all = Flux.fromIterable(tasks)
                    .concatMap(task -> engine.assignee(task)
                            .flatMap(current -> current.filter(someone -> !takeOver && !someone.equals(me)
                                            && !someone.equals(assignee))
                                    .<Mono<Void>>map(colleague -> Mono.error(new ClaimedByColleague(w, task, colleague)))
                                    .orElseGet(() -> engine.assign(task, assignee)
                                            .then(shown(task, item -> item.assignedTo(assignee)))))
                            .onErrorResume(ServiceProblem.class, problem -> {
                                refused.add(task + ": " + problem.title());
                                return Mono.empty();
                            })
                            .onErrorResume(ClaimedByColleague.class, claimed -> {
                                refused.add(claimed.getMessage());
                                return Mono.empty();
                            }))
                    .then();
            String to = ReturnTo.safe(form.getFirst("returnTo"));
            return all.then(Mono.fromSupplier(() -> "redirect:" + to + (to.contains("?") ? "&" : "?")
                    + (refused.isEmpty()
                    ? "done=" + encode(tasks.size() == 1 ? w.say("assign.one", assignee) : w.say("assign.many", tasks.size(), assignee))
                    : "refused=" + encode(w.say("assign.partly", tasks.size() - refused.size(), tasks.size(), assignee,
                    String.join("; ", refused))))));
        });
    }

    /** A chosen task that a colleague has claimed, kept theirs: said by task, with how to take it over. */
    private static final class ClaimedByColleague extends RuntimeException {
        ClaimedByColleague(StaffWords w, String taskId, String colleague) {
            super(w.say("assign.claimedBy", taskId, colleague, w.say("worklist.bulk.takeOver")),
                    null, false, false);
        }
    }

    private Mono<Void> shown(String taskId, Predicate<WorkItem> state) {
        return openWork.awaitTask(taskId, item -> item.map(state::test).orElse(false), SHOWN_WITHIN).then();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Back to the page the form was on (303, so a reload does not post again); a refusal (someone else claimed it
     * first) goes back with the engine's reason for the page to show.
     */
    private static Mono<String> back(ServerWebExchange exchange, Mono<Void> action, String done) {
        return exchange.getFormData().flatMap(form -> {
            String to = ReturnTo.safe(form.getFirst("returnTo"));
            return action.thenReturn("redirect:" + to)
                    .onErrorResume(ServiceProblem.class, problem -> Mono.just("redirect:" + to
                            + (to.contains("?") ? "&" : "?") + "refused="
                            + encode(problem.title() + (problem.detail().isBlank() ? "" : ": " + problem.detail()))));
        });
    }
}
