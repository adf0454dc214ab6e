package org.consilium.console.upload;

import java.util.List;
import java.util.Map;

import org.consilium.console.signin.ContentAddress;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What both upload pages share: their script and stylesheet (by content address, cached for a year), the bundled
 * tus-js-client, the refusals' words for the script, and the CSRF token the script sends as a header on every tus
 * write (the token lives in the server's session; the browser never holds an access token).
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

    Mono<Rendering> render(String view, ServerWebExchange exchange, UploadLanguage w, Map<String, Object> model) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token == null ? Mono.<CsrfToken>empty() : token).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .map(csrf -> Rendering.view(view)
                        .model(model)
                        .modelAttribute("w", w)
                        .modelAttribute("uploadCsrf", csrf.orElse(null))
                        .modelAttribute("uploadsScript", script)
                        .modelAttribute("uploadsStyles", styles)
                        .modelAttribute("tusScript", tus)
                        .modelAttribute("accept", DocumentTypes.accept())
                        .modelAttribute("refusals", REFUSALS)
                        .modelAttribute("languages", UploadLanguage.OFFERED.stream().map(l -> l.toLanguageTag()).toList())
                        .status(model.containsKey("status") ? (org.springframework.http.HttpStatus) model.get("status")
                                : org.springframework.http.HttpStatus.OK)
                        .build());
    }
}
