package org.consilium.console.upload;

import java.util.List;
import java.util.Map;

import org.consilium.console.patient.PatientLanguage;
import org.consilium.console.patient.PatientWords;
import org.consilium.console.signin.ContentAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * What both upload pages share: their script and stylesheet (by content address, cached for a year), the bundled
 * tus-js-client, the refusals' words for the script, and the patient's header, words and language ({@link PatientWords}:
 * one system for everything a patient, a caregiver or their doctor reads). The CSRF token the script sends as a
 * header on every tus write is the page model's ({@code PageModel}; it lives in the server's session, and the browser
 * never holds an access token).
 */
@Component
class UploadPage {
    /** records' problem types (and the console's own) the script explains in words; others get the generic line. */
    static final List<String> REFUSALS = List.of("duplicate-document", "document-too-large", DocumentTypes.REFUSED,
            "empty-file", "unknown-checklist-item", "case-cancelled", "invalid-upload-link", "not-your-case",
            "archive-too-large", "archive-too-many-entries", "archive-compression-ratio", "archive-path-traversal",
            "archive-unreadable", "content-mismatch", "bad-upload-metadata");
    private final String script = ContentAddress.of("static/js/uploads.js");
    private final String styles = ContentAddress.of("static/css/uploads.css");
    private final String tus = ContentAddress.of("static/js/vendor/tus.min.js");
    private final String patientStyles = ContentAddress.of("static/css/patient.css");

    /**
     * What any page with drop zones needs for {@code fragments/uploads :: words} and the script: the script, the
     * bundled tus-js-client and the stylesheet by content address, the file types offered, and the script's words.
     */
    Map<String, Object> assets(PatientWords w) {
        return Map.of("w", w, "uploadsScript", script, "uploadsStyles", styles, "tusScript", tus,
                "accept", DocumentTypes.accept(), "refusals", REFUSALS);
    }

    /**
     * The page with the patient's header (its language switcher links back to {@code here}, the page's own path).
     *
     * @param titleKey the page title's key (a fragment's parameters may not call methods with arguments)
     */
    Rendering render(String view, String titleKey, HttpStatus status, ServerWebExchange exchange, PatientWords w,
                     Map<String, Object> model) {
        return Rendering.view(view)
                .model(model)
                .model(assets(w))
                .modelAttribute("pageTitle", w.say(titleKey))
                .modelAttribute("patientStylesheet", patientStyles)
                .modelAttribute("languages", PatientLanguage.values())
                .modelAttribute("here", exchange.getRequest().getPath().pathWithinApplication().value())
                .status(status)
                .build();
    }
}
