package org.consilium.console.worklist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.consilium.console.engine.EngineTasks;
import org.consilium.console.pages.ReturnTo;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.consilium.console.work.WorkSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinator's worklist, and claiming from it. The pages work as plain HTML forms; htmx (when scripts run)
 * swaps only the list, so filtering and claiming keep the keyboard focus and the scroll position.
 */
@Controller
class WorklistController {
    private final Worklist worklist;
    private final EngineTasks engine;
    private final List<WorkSource> otherWork;

    WorklistController(Worklist worklist, EngineTasks engine, List<WorkSource> otherWork) {
        this.worklist = worklist;
        this.engine = engine;
        this.otherWork = List.copyOf(otherWork);
    }

    /** Each role to its own desk: specialists to their review room, everyone else to the worklist (or its 403). */
    @GetMapping("/")
    String home(Authentication authentication) {
        List<String> roles = SignedInUser.of(authentication).roles();
        return roles.contains("specialist") && !roles.contains("coordinator") ? "redirect:/room" : "redirect:/worklist";
    }

    @GetMapping("/worklist")
    Mono<String> worklist(@RequestParam(required = false) String urgency, @RequestParam(required = false) String mine,
                          @RequestParam(required = false) String refused, @RequestParam(required = false) String done,
                          Authentication authentication, Model model) {
        WorklistFilter filter = WorklistFilter.of(urgency, mine);
        model.addAttribute("filter", filter);
        model.addAttribute("refused", refused);
        model.addAttribute("done", done);
        model.addAttribute("here", filter.page());
        // the other kinds of work: a service that does not answer leaves its section saying so, not the page down
        Mono<Boolean> others = Flux.fromIterable(otherWork).flatMap(source -> source.waiting()
                .doOnNext(found -> model.addAttribute(source.name(), found)).then()
                .onErrorResume(error -> Mono.fromRunnable(() -> model.addAttribute(source.name() + "Problem",
                        unavailable(source.service(), error))))).then(Mono.just(true));
        return Mono.zip(worklist.rows(filter, SignedInUser.of(authentication).username()), others)
                .doOnNext(found -> model.addAttribute("rows", found.getT1()))
                .thenReturn("worklist");
    }

    private static String unavailable(String service, Throwable error) {
        return error instanceof ServiceProblem problem ? service + " answered " + problem.status() + ": " + problem.title()
                : service + " did not answer";
    }

    @PostMapping("/tasks/{taskId}/claim")
    Mono<String> claim(@PathVariable String taskId, Authentication authentication, ServerWebExchange exchange) {
        return back(exchange, engine.claim(taskId, SignedInUser.of(authentication).username()));
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    Mono<String> unclaim(@PathVariable String taskId, ServerWebExchange exchange) {
        return back(exchange, engine.unclaim(taskId));
    }

    /**
     * Back to the page the form was on (303, so a reload does not post again); a refusal (someone else claimed it
     * first) goes back with the engine's reason for the page to show.
     */
    private static Mono<String> back(ServerWebExchange exchange, Mono<Void> action) {
        return exchange.getFormData().flatMap(form -> {
            String to = ReturnTo.safe(form.getFirst("returnTo"));
            return action.thenReturn("redirect:" + to)
                    .onErrorResume(ServiceProblem.class, problem -> Mono.just("redirect:" + to
                            + (to.contains("?") ? "&" : "?") + "refused="
                            + URLEncoder.encode(problem.title() + (problem.detail().isBlank() ? "" : ": " + problem.detail()),
                            StandardCharsets.UTF_8)));
        });
    }
}
