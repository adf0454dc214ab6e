package org.consilium.console.patient;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.consilium.console.casepage.Checklist;
import org.consilium.console.services.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The patient's pages, drawn from the services at request time with the patient's token: the list of their cases,
 * and one case — its progress, the records still missing, the report once released, the follow-up questions and the
 * inbox. Each section that its service could not give says so; a case that is not theirs is intake's 403, shown in
 * words.
 */
@Component
class PatientPages {
    private final PatientServices services;
    private final Clock clock;
    /** The patient pages' own stylesheet, by the hash of its content (as {@code signin.Stylesheet}). */
    private final String stylesheet = org.consilium.console.signin.ContentAddress.of("static/css/patient.css");

    PatientPages(PatientServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The question form as typed, and what was wrong with it (the field's words), for the page shown again. */
    record QuestionForm(String question, String error) {
        static final int MAX = 4000;
        static final QuestionForm EMPTY = new QuestionForm("", "");

        /** The key of what is wrong with it, empty when it may be sent (mdt-scheduler's own limits, said first). */
        static String problem(String question) {
            if (question == null || question.isBlank()) {
                return "question.error.required";
            }
            return question.length() > MAX ? "question.error.long" : "";
        }
    }

    PatientWords words(PatientLanguage language, String zone) {
        return PatientWords.in(language, zone);
    }

    static PatientLanguage language(ServerWebExchange exchange, WebSession session, List<String> patients) {
        return PatientLanguage.forRequest(exchange, session, patients);
    }

    Mono<Rendering> myCases(ServerWebExchange exchange, WebSession session, String email) {
        return Mono.zip(Part.of(services.myCases(), "unavailable.cases", false),
                Part.of(services.inbox(email), "unavailable.inbox", true),
                Part.of(services.unfinishedRequest(), "unavailable.draft", true)).map(found -> {
            Part<List<MyCaseRow>> cases = found.getT1();
            List<String> languages = cases.map(list -> list.isEmpty() ? List.<String>of() : list.get(0).patientLanguages(),
                    List.of());
            PatientLanguage language = language(exchange, session, languages);
            return Rendering.view("my").status(cases.failed() ? HttpStatus.BAD_GATEWAY : HttpStatus.OK)
                    // one person's cases are mostly one patient's: her zone for the dates, UTC when there is none
                    .modelAttribute("w", words(language, cases.map(list -> list.isEmpty() ? null
                            : list.get(0).patientTimeZone(), null)))
                    .modelAttribute("cases", cases)
                    .modelAttribute("inbox", found.getT2())
                    .modelAttribute("draft", found.getT3())
                    .modelAttribute("done", "discarded".equals(exchange.getRequest().getQueryParams().getFirst("done"))
                            ? "ask.discarded" : "")
                    .modelAttribute("languages", PatientLanguage.values())
                    .modelAttribute("patientStylesheet", stylesheet)
                    .modelAttribute("here", "/my")
                    .build();
        });
    }

    Mono<Rendering> casePage(String caseId, ServerWebExchange exchange, WebSession session, String email,
                             QuestionForm form, HttpStatus status, String doneKey) {
        return services.theCase(caseId).flatMap(theCase -> Mono.zip(
                        Part.of(services.records(caseId), "unavailable.records", true),
                        Part.of(services.review(caseId), "unavailable.review", true),
                        Part.of(services.inbox(email), "unavailable.inbox", true))
                .map(found -> {
                    PatientLanguage language = language(exchange, session, theCase.languages());
                    Part<Checklist> records = found.getT1();
                    Part<PatientReview> review = found.getT2();
                    CaseProgress progress = CaseProgress.of(theCase, Optional.ofNullable(records.value()),
                            Optional.ofNullable(review.value()));
                    return Rendering.view("my-case").status(status)
                            .modelAttribute("w", words(language, theCase.patient() == null ? null : theCase.patient().timeZone()))
                            .modelAttribute("theCase", theCase)
                            .modelAttribute("progress", progress)
                            .modelAttribute("records", records)
                            .modelAttribute("review", review)
                            .modelAttribute("takesQuestions", review.map(r -> r.takesQuestions(clock.instant()), false))
                            .modelAttribute("inbox", found.getT3())
                            .modelAttribute("form", form)
                            .modelAttribute("done", doneKey)
                            .modelAttribute("languages", PatientLanguage.values())
                    .modelAttribute("patientStylesheet", stylesheet)
                            .modelAttribute("here", "/my/cases/" + caseId)
                            .build();
                }))
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 403 || problem.status() == 404
                        ? Mono.just(notYours(caseId, exchange, session)) : Mono.error(problem));
    }

    /**
     * A page about one case that needs only the case itself (its consents, the withdrawal's confirmation): {@code view}
     * with the case, the words and {@code attributes} (with {@code here}, the page's own path, for the language links);
     * someone else's case in words, as on the case page.
     */
    Mono<Rendering> casePart(String caseId, String view, ServerWebExchange exchange, WebSession session, HttpStatus status,
                             java.util.Map<String, Object> attributes) {
        return services.theCase(caseId).map(theCase -> {
                    PatientLanguage language = language(exchange, session, theCase.languages());
                    Rendering.Builder<?> page = Rendering.view(view).status(status)
                            .modelAttribute("w", words(language, theCase.patient() == null ? null : theCase.patient().timeZone()))
                            .modelAttribute("theCase", theCase)
                            .modelAttribute("languages", PatientLanguage.values())
                            .modelAttribute("patientStylesheet", stylesheet);
                    attributes.forEach(page::modelAttribute);
                    return page.build();
                })
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 403 || problem.status() == 404
                        ? Mono.just(notYours(caseId, exchange, session)) : Mono.error(problem));
    }

    /** Intake refused the case: it is someone else's (or none), said in words, with the way back to their own. */
    private Rendering notYours(String caseId, ServerWebExchange exchange, WebSession session) {
        return Rendering.view("my-refused").status(HttpStatus.FORBIDDEN)
                .modelAttribute("w", words(language(exchange, session, List.of()), null))
                .modelAttribute("caseId", caseId)
                .modelAttribute("languages", PatientLanguage.values())
                    .modelAttribute("patientStylesheet", stylesheet)
                .modelAttribute("here", "/my/cases/" + caseId)
                .build();
    }
}
