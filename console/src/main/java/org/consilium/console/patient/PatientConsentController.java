package org.consilium.console.patient;

import java.util.List;
import java.util.Map;

import org.consilium.console.services.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The patient's consents, purpose by purpose, in plain words (what each allows, who sees what, across which
 * borders), each one changed here at any time; and withdrawing the whole case, only after a page that says what it
 * means and asks once more. Intake decides and records (with the time, on its audit trail); the console asks with the
 * person's own token.
 */
@Controller
class PatientConsentController {
    /** The purposes a patient may change here, in intake's names; withdrawing the review is withdrawing the case. */
    static final List<String> PURPOSES = List.of("REVIEW", "SHARE_WITH_PANEL", "CROSS_BORDER_TRANSFER", "CONTACT_CURRENT_DOCTOR");
    static final int REASON_MAX = 1000;

    private final PatientPages pages;
    private final PatientServices services;

    PatientConsentController(PatientPages pages, PatientServices services) {
        this.pages = pages;
        this.services = services;
    }

    @GetMapping("/my/cases/{caseId}/consent")
    Mono<Rendering> consent(@PathVariable String caseId, @RequestParam(required = false) String done,
                            ServerWebExchange exchange, WebSession session) {
        return consentPage(caseId, exchange, session, HttpStatus.OK, "changed".equals(done) ? "consent.changed" : "", "");
    }

    @PostMapping("/my/cases/{caseId}/consent")
    Mono<Rendering> decide(@PathVariable String caseId, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> {
            String purpose = both.getT1().getFirst("purpose");
            String granted = both.getT1().getFirst("granted");
            // the review itself is withdrawn with the case, on its own page that asks once more
            if (purpose == null || !PURPOSES.contains(purpose) || "REVIEW".equals(purpose) && "false".equals(granted)
                    || !("true".equals(granted) || "false".equals(granted))) {
                return consentPage(caseId, exchange, both.getT2(), HttpStatus.BAD_REQUEST, "", "consent.error.choice");
            }
            return services.decideConsent(caseId, purpose, Boolean.parseBoolean(granted))
                    .then(Mono.just(Rendering.redirectTo("/my/cases/" + caseId + "/consent?done=changed").build()))
                    .onErrorResume(ServiceProblem.class, refused -> consentPage(caseId, exchange, both.getT2(),
                            refused.httpStatus(), "", "consent.error.refused"));
        });
    }

    @GetMapping("/my/cases/{caseId}/withdraw")
    Mono<Rendering> confirmWithdrawal(@PathVariable String caseId, ServerWebExchange exchange, WebSession session) {
        return withdrawPage(caseId, exchange, session, HttpStatus.OK, "", "");
    }

    @PostMapping("/my/cases/{caseId}/withdraw")
    Mono<Rendering> withdraw(@PathVariable String caseId, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> {
            String reason = both.getT1().getFirst("reason") == null ? "" : both.getT1().getFirst("reason").strip();
            String error = reason.isEmpty() ? "withdraw.error.reason" : reason.length() > REASON_MAX ? "withdraw.error.long" : "";
            if (!error.isEmpty()) {
                return withdrawPage(caseId, exchange, both.getT2(), HttpStatus.BAD_REQUEST, reason, error);
            }
            return services.withdraw(caseId, reason)
                    .then(Mono.just(Rendering.redirectTo("/my/cases/" + caseId + "?done=withdrawn").build()))
                    .onErrorResume(ServiceProblem.class, refused -> withdrawPage(caseId, exchange, both.getT2(),
                            refused.httpStatus(), reason, "withdraw.error.refused"));
        });
    }

    private Mono<Rendering> consentPage(String caseId, ServerWebExchange exchange, WebSession session, HttpStatus status,
                                        String done, String error) {
        return pages.casePart(caseId, "my-consent", exchange, session, status, Map.of("purposes", PURPOSES,
                "done", done, "error", error, "here", "/my/cases/" + caseId + "/consent"));
    }

    private Mono<Rendering> withdrawPage(String caseId, ServerWebExchange exchange, WebSession session, HttpStatus status,
                                         String reason, String error) {
        return pages.casePart(caseId, "my-withdraw", exchange, session, status, Map.of("reason", reason, "error", error,
                "here", "/my/cases/" + caseId + "/withdraw"));
    }

}
