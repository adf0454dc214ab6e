package org.consilium.console.patient;

import java.util.List;
import java.util.Set;

import org.consilium.console.errors.BadInput;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The patient's and caregiver's window (issue 14): their cases, and for each where it stands, what is still missing,
 * the report once released (on the page and as PDFs), a follow-up question to the chair and the chair's answer, and
 * their inbox. In their language; everything read and written with their own token.
 */
@Controller
class PatientController {
    private static final Set<String> RENDERINGS = Set.of("plain", "clinician");
    private final PatientPages pages;
    private final PatientServices services;

    PatientController(PatientPages pages, PatientServices services) {
        this.pages = pages;
        this.services = services;
    }

    @GetMapping("/my")
    Mono<Rendering> myCases(Authentication authentication, ServerWebExchange exchange, WebSession session) {
        return pages.myCases(exchange, session, email(authentication));
    }

    @GetMapping("/my/cases/{caseId}")
    Mono<Rendering> myCase(@PathVariable String caseId, @RequestParam(required = false) String done,
                           Authentication authentication, ServerWebExchange exchange, WebSession session) {
        return pages.casePage(caseId, exchange, session, email(authentication), PatientPages.QuestionForm.EMPTY,
                HttpStatus.OK, switch (done == null ? "" : done) {
                    case "asked" -> "question.sent";
                    case "withdrawn" -> "withdraw.done";
                    case "sent" -> "ask.sent";
                    default -> "";
                });
    }

    @PostMapping("/my/cases/{caseId}/questions")
    Mono<Rendering> ask(@PathVariable String caseId, Authentication authentication, ServerWebExchange exchange) {
        SignedInUser user = SignedInUser.of(authentication);
        String email = email(authentication);
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> {
            String question = both.getT1().getFirst("question") == null ? "" : both.getT1().getFirst("question").strip();
            WebSession session = both.getT2();
            String problem = PatientPages.QuestionForm.problem(question);
            if (!problem.isEmpty() && wantsJson(exchange)) {
                // a script gets the problem naming the field; a person, the page with the message beside it
                return Mono.error(new BadInput("question", PatientWords.english(problem)));
            }
            if (!problem.isEmpty()) {
                return pages.casePage(caseId, exchange, session, email, new PatientPages.QuestionForm(question, problem),
                        HttpStatus.BAD_REQUEST, "");
            }
            String language = PatientLanguage.ofCode(session.getAttribute(PatientLanguage.SESSION_KEY))
                    .map(PatientLanguage::tag).orElse(both.getT1().getFirst("language"));
            return services.ask(caseId, question, user.name(), email, PatientLanguage.of(language)
                            .orElse(PatientLanguage.EN).tag())
                    .then(Mono.just(Rendering.redirectTo("/my/cases/" + caseId + "?done=asked#questions").build()))
                    .onErrorResume(ServiceProblem.class, refused -> pages.casePage(caseId, exchange, session, email,
                            new PatientPages.QuestionForm(question, refused.status() == 409 ? "question.error.closed"
                                    : "question.error.refused"), refused.httpStatus(), ""));
        });
    }

    @PostMapping("/my/inbox/{messageId}/read")
    Mono<Rendering> read(@PathVariable String messageId, Authentication authentication, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> services.markRead(email(authentication), messageId)
                .then(Mono.just(Rendering.redirectTo(back(form.getFirst("caseId"))).build())));
    }

    /** A released report's PDF, relayed from notification-service with the patient's token: nothing kept here. */
    @GetMapping("/my/cases/{caseId}/report/{rendering}.pdf")
    Mono<ResponseEntity<Flux<DataBuffer>>> pdf(@PathVariable String caseId, @PathVariable String rendering,
                                               @RequestParam(defaultValue = "en") String language) {
        if (!RENDERINGS.contains(rendering)) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        String tag = PatientLanguage.of(language).orElse(PatientLanguage.EN).tag();
        return services.reportPdf(caseId, rendering, tag).map(found -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_PDF);
            headers.setContentDisposition(ContentDisposition.attachment().filename("consilium-report-" + caseId + "-"
                    + ("plain".equals(rendering) ? tag : rendering) + ".pdf").build());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.setCacheControl("no-store");
            headers.setVary(List.of(HttpHeaders.COOKIE));
            return ResponseEntity.ok().headers(headers).body(found.getBody());
        });
    }

    /** Back to the case the message is about, or to the list: never to an address from outside. */
    private static String back(String caseId) {
        return caseId != null && caseId.matches("[A-Za-z0-9-]{1,80}") ? "/my/cases/" + caseId + "#inbox" : "/my#inbox";
    }

    /** The inbox and the answer's address are the token's e-mail: the services check it is this person's. */
    private static String email(Authentication authentication) {
        return authentication.getPrincipal() instanceof OidcUser user && user.getEmail() != null ? user.getEmail() : "";
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAccept().stream().anyMatch(type -> !type.isWildcardType()
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

}
