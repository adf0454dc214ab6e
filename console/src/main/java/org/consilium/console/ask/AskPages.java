package org.consilium.console.ask;

import org.consilium.console.patient.PatientLanguage;
import org.consilium.console.patient.PatientWords;
import org.consilium.console.signin.ContentAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Draws a step of the request form (template {@code my-ask}) in the patient's language: the one chosen, else the
 * languages the answers already name, else the browser's; dates in the zone the answers name.
 */
@Component
class AskPages {
    static final String REFUSALS = "consilium.ask.refusals";
    private final String stylesheet = ContentAddress.of("static/css/patient.css");

    /**
     * @param notice the key of words about the page as a whole (not saved, could not be sent...), {@code ""} for none
     */
    Rendering step(AskStep step, Answers answers, Asker asker, ServerWebExchange exchange, WebSession session,
                   HttpStatus status, String notice) {
        PatientWords w = words(answers, exchange, session);
        return Rendering.view("my-ask").status(status)
                .modelAttribute("w", w)
                .modelAttribute("v", new AskView(step, answers, refusals(session), asker, w))
                .modelAttribute("notice", notice)
                .modelAttribute("languages", PatientLanguage.values())
                .modelAttribute("patientStylesheet", stylesheet)
                .modelAttribute("withHtmx", true)
                .modelAttribute("here", "/my/ask/" + step.slug())
                .build();
    }

    /** The htmx answer to saving as one types: when it was saved, or that it was not (and the typing is still there). */
    Rendering saved(Answers answers, ServerWebExchange exchange, WebSession session, String key, java.time.Instant at) {
        PatientWords w = words(answers, exchange, session);
        return Rendering.view("fragments/ask :: saved").modelAttribute("w", w).modelAttribute("savedKey", key)
                .modelAttribute("savedAt", at).build();
    }

    static PatientWords words(Answers answers, ServerWebExchange exchange, WebSession session) {
        return PatientWords.forPage(exchange, session, answers.all("patient.languages"), answers.first("patient.timeZone"));
    }

    static Refusals refusals(WebSession session) {
        return session.getAttributeOrDefault(REFUSALS, Refusals.NONE);
    }
}
