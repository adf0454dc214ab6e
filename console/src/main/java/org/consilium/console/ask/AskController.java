package org.consilium.console.ask;

import java.util.Optional;

import org.consilium.console.services.ServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Asking for a second opinion (issue 14): the intake as a form in steps, saved at intake as the person goes (each step
 * they leave, and a moment after they stop typing), so that they can stop and go on later on any device; sent to
 * intake's {@code POST /cases} at the end with the draft's key. Whatever intake refuses comes back next to its input,
 * in the patient's language, on the step that asks it; nothing typed is ever dropped.
 */
@Controller
class AskController {
    private static final Logger log = LoggerFactory.getLogger(AskController.class);
    private final AskServices services;
    private final AskPages pages;

    AskController(AskServices services, AskPages pages) {
        this.services = services;
        this.pages = pages;
    }

    /** Where the person left off, or the first step. */
    @GetMapping("/my/ask")
    Mono<Rendering> resume() {
        return services.draft()
                .map(draft -> draft.flatMap(d -> AskStep.of(d.step())).orElse(AskStep.WHO))
                .onErrorResume(ServiceProblem.class, down -> Mono.just(AskStep.WHO))
                .map(step -> Rendering.redirectTo("/my/ask/" + step.slug()).build());
    }

    @GetMapping("/my/ask/{slug}")
    Mono<Rendering> step(@PathVariable String slug, @RequestParam(required = false) String attempt,
                         Authentication authentication, ServerWebExchange exchange, WebSession session) {
        AskStep step = AskStep.of(slug).orElse(null);
        if (step == null) {
            return Mono.just(Rendering.redirectTo("/my/ask").build());
        }
        Asker asker = Asker.of(authentication);
        boolean refused = "send".equals(attempt) && !AskPages.refusals(session).isEmpty();
        return services.draft()
                .map(draft -> pages.step(step, draft.map(Draft::asAnswers).orElse(Answers.NONE), asker, exchange, session,
                        refused ? HttpStatus.BAD_REQUEST : HttpStatus.OK, ""))
                // without the saved answers the form is not offered: a save on top of nothing would drop them
                .onErrorResume(ServiceProblem.class, down -> Mono.just(pages.step(step, Answers.NONE, asker, exchange,
                        session, down.httpStatus().is5xxServerError() ? down.httpStatus() : HttpStatus.BAD_GATEWAY,
                        "ask.unavailable")));
    }

    /** A step left with Next, Back or a step's link: saved, then on to where the person asked to go. */
    @PostMapping("/my/ask/{slug}")
    Mono<Rendering> leave(@PathVariable String slug, Authentication authentication, ServerWebExchange exchange) {
        AskStep step = known(slug);
        Asker asker = Asker.of(authentication);
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> {
            MultiValueMap<String, String> form = both.getT1();
            WebSession session = both.getT2();
            AskStep to = destination(step, form.getFirst("go"));
            return save(step, form, session, to).map(saved -> Rendering.redirectTo("/my/ask/" + to.slug()).build())
                    .onErrorResume(NotSaved.class, failed -> Mono.just(unsaved(step, failed, asker, exchange, session)));
        });
    }

    /** htmx, a moment after typing stops: the step saved as it is; answers a line saying so. */
    @PostMapping("/my/ask/{slug}/draft")
    Mono<Rendering> keep(@PathVariable String slug, ServerWebExchange exchange) {
        AskStep step = known(slug);
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> save(step, both.getT1(), both.getT2(), step)
                .map(saved -> pages.saved(saved.asAnswers(), exchange, both.getT2(), "ask.saved", saved.savedAt()))
                .onErrorResume(NotSaved.class, failed -> Mono.just(pages.saved(failed.typed(), exchange, both.getT2(),
                        "ask.unsaved.short", null))));
    }

    /**
     * The request sent, with the draft's key (intake deletes the draft with it): to the new case's page. Refused: to the
     * first step with something to mend, each refusal beside its input.
     */
    @PostMapping("/my/ask/send")
    Mono<Rendering> send(Authentication authentication, ServerWebExchange exchange, WebSession session) {
        Asker asker = Asker.of(authentication);
        return services.draft().flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(Rendering.redirectTo("/my/ask").build());
            }
            Draft draft = found.get();
            IntakeRequest request = IntakeRequest.of(draft.asAnswers(), asker);
            if (!request.sendable()) {
                return Mono.just(refused(Refusals.ofForm(request.refusals()), session));
            }
            return services.send(request.intake(), draft.requestKey()).map(caseId -> {
                session.getAttributes().remove(AskPages.REFUSALS);
                return Rendering.redirectTo("/my/cases/" + caseId + "?done=sent").build();
            }).onErrorResume(ServiceProblem.class, problem -> Mono.just(!problem.fieldErrors().isEmpty()
                    ? refused(Refusals.ofIntake(problem.fieldErrors()), session)
                    : pages.step(AskStep.REVIEW, draft.asAnswers(), asker, exchange, session, problem.httpStatus(),
                    notSent(problem))));
        }).onErrorResume(ServiceProblem.class, down -> Mono.just(pages.step(AskStep.REVIEW, Answers.NONE, asker, exchange,
                session, HttpStatus.BAD_GATEWAY, "ask.unavailable")));
    }

    /** Starting again: the draft thrown away at intake. */
    @PostMapping("/my/ask/discard")
    Mono<Rendering> discard(WebSession session) {
        session.getAttributes().remove(AskPages.REFUSALS);
        return services.discard().thenReturn(Rendering.redirectTo("/my?done=discarded").build());
    }

    /**
     * The step again with what was typed. Intake refused something in it (a text with a hidden control character pasted
     * from elsewhere): each refusal beside its input, kept until the step is saved, since "try again later" would never
     * help. Otherwise intake could not be reached: said so, for the whole page.
     */
    private Rendering unsaved(AskStep step, NotSaved failed, Asker asker, ServerWebExchange exchange, WebSession session) {
        Refusals refused = Refusals.ofDraft(failed.fieldErrors());
        if (refused.isEmpty()) {
            return pages.step(step, failed.typed(), asker, exchange, session, failed.status(), "ask.unsaved");
        }
        session.getAttributes().put(AskPages.REFUSALS, AskPages.refusals(session).without(step).with(refused));
        return pages.step(step, failed.typed(), asker, exchange, session, HttpStatus.BAD_REQUEST, "");
    }

    private static Rendering refused(Refusals refusals, WebSession session) {
        session.getAttributes().put(AskPages.REFUSALS, refusals);
        AskStep first = refusals.first().orElse(AskStep.REVIEW);
        return Rendering.redirectTo("/my/ask/" + first.slug() + "?attempt=send").build();
    }

    /** Intake refused the request as a whole (no field named): in words the patient can act on. */
    private static String notSent(ServiceProblem problem) {
        log.info("a request was not sent: {} {} {}", problem.status(), problem.type(), problem.detail());
        return switch (problem.status()) {
            case 429 -> "ask.error.too-many";
            case 403, 409 -> "ask.error.not-accepted";
            default -> "ask.error.not-sent";
        };
    }

    /** A step posted to: one of the seven, else 404 (nothing of the post is taken into another step's answers). */
    private static AskStep known(String slug) {
        return AskStep.of(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no step " + slug));
    }

    private static AskStep destination(AskStep from, String go) {
        if ("next".equals(go)) {
            return from.next().orElse(from);
        }
        if ("back".equals(go)) {
            return from.previous().orElse(from);
        }
        return AskStep.of(go).orElse(from);
    }

    /**
     * The step as posted merged into the saved answers and saved at intake; the step's earlier refusals dropped (it is
     * judged again when sent), with the step the person goes to, where they come back to. Failing, {@link NotSaved}
     * carries what was typed, so that the page shows it again.
     */
    private Mono<Draft> save(AskStep step, MultiValueMap<String, String> form, WebSession session, AskStep goingTo) {
        return services.draft().flatMap(found -> {
            Answers answers = found.map(Draft::asAnswers).orElse(Answers.NONE).withStep(step, form);
            return services.save(answers, goingTo).doOnNext(saved -> session.getAttributes().put(AskPages.REFUSALS,
                            AskPages.refusals(session).without(step)))
                    .onErrorMap(ServiceProblem.class, failed -> new NotSaved(answers, failed.httpStatus(),
                            failed.status() < 500 ? failed.fieldErrors() : Map.of()));
        }).onErrorMap(ServiceProblem.class, down -> new NotSaved(Answers.NONE.withStep(step, form), down.httpStatus(),
                Map.of()));
    }

    /** A save intake did not take (down, or refused the shape), with the answers as typed. */
    static final class NotSaved extends RuntimeException {
        private final transient Answers typed;
        private final HttpStatus status;
        private final transient Map<String, String> fieldErrors;

        NotSaved(Answers typed, HttpStatus status, Map<String, String> fieldErrors) {
            super("the draft was not saved (" + status + ")", null, false, false);
            this.typed = typed;
            this.fieldErrors = fieldErrors;
            this.status = status.is5xxServerError() || status.is4xxClientError() ? status : HttpStatus.BAD_GATEWAY;
        }

        Answers typed() {
            return typed;
        }

        HttpStatus status() {
            return status;
        }

        /** What intake refused in the draft, by its paths ({@code answers.patient.name[0]}); none when it was away. */
        Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }
}
