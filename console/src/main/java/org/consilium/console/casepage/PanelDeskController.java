package org.consilium.console.casepage;

import org.consilium.console.language.StaffWords;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.cases.IntakeCases;
import org.consilium.console.pages.Refusals;
import org.consilium.console.services.ServiceProblem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The panel on the case page: a swap of one discipline's seat (303 back to {@code #panel}, or the refusal kept for the
 * page with what was typed), and the session's agenda on a page of its own.
 */
@Controller
class PanelDeskController {
    private final PanelDesk desk;
    private final IntakeCases intake;
    private final Refusals refusals;

    PanelDeskController(PanelDesk desk, IntakeCases intake, Refusals refusals) {
        this.desk = desk;
        this.intake = intake;
        this.refusals = refusals;
    }

    @PostMapping("/cases/{caseId}/panel/{discipline}")
    Mono<Rendering> swap(@PathVariable String caseId, @PathVariable String discipline, ServerWebExchange exchange,
                         java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            String specialist = bounded(form.getFirst("specialistId"));
            String reason = bounded(form.getFirst("reason"));
            String seat = w.discipline(discipline);
            return desk.swap(caseId, discipline, specialist, reason)
                    .then(Mono.fromSupplier(() -> Rendering.redirectTo(page(caseId) + "?panel="
                            + UriUtils.encodeQueryParam(w.say("panel.swapped", specialist, seat), StandardCharsets.UTF_8) + "#panel").build()))
                    .onErrorResume(ServiceProblem.class, problem -> refusals.keep(exchange, new SectionAttempt(
                                    "swap-" + discipline, Map.of("specialistId", specialist, "reason", reason),
                                    w.say("panel.notSwapped", problem.title() + (problem.detail() == null || problem.detail().isBlank()
                                            ? "" : w.say("colon") + problem.detail())), problem.fieldErrors(), problem.status()))
                            .map(key -> Rendering.redirectTo(page(caseId) + "?" + Refusals.PARAMETER + "=" + key
                                    + "#swap-" + discipline).build()));
        });
    }

    /**
     * The agenda of the case's session, read when asked: mdt-scheduler puts every case on it on that case's trail, so
     * the case page links here rather than reading it on every view.
     */
    @GetMapping("/cases/{caseId}/agenda")
    Mono<Rendering> agenda(@PathVariable String caseId) {
        return Mono.zip(intake.header(caseId), desk.review(caseId)).flatMap(found -> {
            PanelFile.Session session = found.getT2().session();
            Mono<Optional<SessionAgenda>> agenda = session == null ? Mono.just(Optional.empty())
                    : desk.agenda(session.id()).map(Optional::of);
            return agenda.map(shown -> Rendering.view("agenda")
                    .modelAttribute("caseFile", found.getT1())
                    .modelAttribute("agendaSession", session == null ? Optional.empty() : Optional.of(session))
                    .modelAttribute("agenda", shown)
                    .build());
        });
    }

    private static String page(String caseId) {
        return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
    }

    private static String bounded(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
