package org.consilium.console.reportdesk;

import org.consilium.console.language.StaffWords;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.cases.IntakeCases;
import org.consilium.console.pages.Refusals;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The report desk on the case page: an edit (a new version), and approve / release behind a confirmation that shows
 * the text being approved or released. Every answer is a 303 to the case page (Post/Redirect/Get): a refused edit is
 * kept in the session and shown there with what was typed.
 */
@Controller
class ReportDeskController {
    private static final String STALE = ReportDesk.STALE_VERSION;
    private final ReportDesk desk;
    private final IntakeCases intake;
    private final Refusals refusals;

    ReportDeskController(ReportDesk desk, IntakeCases intake, Refusals refusals) {
        this.desk = desk;
        this.intake = intake;
        this.refusals = refusals;
    }

    /** The confirmation: the version's whole text, who wrote and approved it, and the one button that acts on it. */
    @GetMapping("/cases/{caseId}/report/{step:approve|release}")
    Mono<Rendering> confirm(@PathVariable String caseId, @PathVariable String step,
                            @RequestParam(name = "version", required = false) String asked, java.util.Locale locale) {
        Integer version = number(asked);
        if (asked != null && version == null) {
            return Mono.error(notAVersion());
        }
        return Mono.zip(desk.report(caseId), intake.header(caseId)).map(found -> {
            ReportState report = found.getT1();
            int shown = version == null ? report.versionAtStake() : version;
            boolean atStake = !report.released() && step.equals(report.nextStep()) && shown == report.versionAtStake();
            return Rendering.view("report-confirm")
                    .modelAttribute("caseFile", found.getT2())
                    .modelAttribute("report", report)
                    .modelAttribute("step", step)
                    .modelAttribute("atStake", atStake)
                    .modelAttribute("version", report.version(shown).orElse(report.current()))
                    .modelAttribute("parts", ReportText.shown(report.version(shown).orElse(report.current()).sections(),
                            StaffWords.in(locale)))
                    .build();
        });
    }

    @PostMapping("/cases/{caseId}/report/{step:approve|release}")
    Mono<Rendering> act(@PathVariable String caseId, @PathVariable String step, Authentication authentication,
                        ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String username = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> {
            Integer version = number(form.getFirst("version"));
            if (version == null) {
                return Mono.error(notAVersion());
            }
            return desk.act(caseId, step, version, username)
                    .then(Mono.fromSupplier(() -> back(caseId, "report", w.say(step.equals("approve") ? "report.approved" : "report.released", version))))
                    .onErrorResume(ServiceProblem.class, problem -> Mono.just(back(caseId, "reportRefused",
                            (STALE.equals(problem.type()) ? w.say("report.staleAct") + " " : "") + problem.title()
                                    + (problem.detail().isBlank() ? "" : w.say("colon") + problem.detail()))));
        });
    }

    /** An edit: saved as the next version, or kept (refused) and shown on the case page with what was typed. */
    @PostMapping("/cases/{caseId}/report")
    Mono<Rendering> edit(@PathVariable String caseId, Authentication authentication, ServerWebExchange exchange,
                         java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String username = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> {
            ReportEdit sent = ReportEdit.of(form);
            return desk.revise(caseId, sent, username)
                    .map(saved -> back(caseId, "report", w.say("report.saved", saved.current().number(), saved.current().number() - 1)))
                    .onErrorResume(ServiceProblem.class, problem -> savedMeanwhile(caseId, problem)
                            .flatMap(meanwhile -> refusals.keep(exchange, refused(sent, problem, meanwhile.orElse(null), w)))
                            .map(key -> Rendering.redirectTo(page(caseId) + "?" + Refusals.PARAMETER + "=" + key
                                    + "#report-edit").build()));
        });
    }

    /** After a 409 stale-report-version: the version someone else saved meanwhile, read again to name it. */
    private Mono<Optional<ReportState.Version>> savedMeanwhile(String caseId, ServiceProblem problem) {
        if (!STALE.equals(problem.type())) {
            return Mono.just(Optional.empty());
        }
        return desk.report(caseId).map(now -> Optional.of(now.current()))
                .onErrorResume(unreadable -> Mono.just(Optional.empty()));
    }

    private static ReportEditAttempt refused(ReportEdit sent, ServiceProblem problem, ReportState.Version theirs, StaffWords w) {
        Integer meanwhile = theirs == null ? null : theirs.number();
        Map<String, String> fields = new LinkedHashMap<>();
        // one-a-line lists are one input: dissent[2] is the dissent box
        problem.fieldErrors().forEach((field, message) -> fields.merge(field.matches("(dissent|stillMissing|supportiveCare)\\[\\d+]")
                ? field.substring(0, field.indexOf('[')) : field, message, (a, b) -> a + "; " + b));
        String refusal = meanwhile != null
                ? w.say("report.notSaved.meanwhile", theirs.editor(), meanwhile, theirs.atText(), sent.basedOnVersion(), meanwhile + 1)
                : fields.isEmpty() ? w.say("report.notSaved", problem.title() + (problem.detail().isBlank() ? "" : w.say("colon") + problem.detail()))
                : fields.size() == 1 ? w.say("report.notSaved.field") : w.say("report.notSaved.fields", fields.size());
        return new ReportEditAttempt(sent, fields, refusal, problem.status(), meanwhile);
    }

    private static Rendering back(String caseId, String parameter, String text) {
        return Rendering.redirectTo(page(caseId) + "?" + parameter + "="
                + UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8) + "#report").build();
    }

    private static String page(String caseId) {
        return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
    }

    private static ServiceProblem notAVersion() {
        return new ServiceProblem(400, "urn:consilium:problem:validation", "Invalid request content",
                "version: must be the number of a version of the report", Map.of("version", "must be a version number"));
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
