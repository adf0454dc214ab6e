package org.consilium.console.upload;

import java.util.List;
import java.util.Map;

import org.consilium.console.signin.ContentAddress;
import org.springframework.http.HttpStatus;
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

    /** A link to this page in each offered language, named in that language itself. */
    public record LanguageLink(String tag, String name, String href, boolean current) {
    }

    private static List<LanguageLink> languages(ServerWebExchange exchange, UploadLanguage w) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return UploadLanguage.OFFERED.stream().map(locale -> locale.toLanguageTag()).map(tag -> new LanguageLink(tag,
                w.msg("language." + tag), org.springframework.web.util.UriComponentsBuilder.fromPath(path)
                .queryParam("lang", tag).build().encode().toUriString(), tag.equals(w.tag()))).toList();
    }

    /** @param titleKey the page title's key (a fragment's parameters may not call methods with arguments) */
    Mono<Rendering> render(String view, String titleKey, ServerWebExchange exchange, UploadLanguage w,
                           Map<String, Object> model) {
        return render(view, titleKey, HttpStatus.OK, exchange, w, model);
    }

    Mono<Rendering> render(String view, String titleKey, HttpStatus status, ServerWebExchange exchange, UploadLanguage w,
                           Map<String, Object> model) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token == null ? Mono.<CsrfToken>empty() : token).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .map(csrf -> Rendering.view(view)
                        .model(model)
                        .modelAttribute("w", w)
                        .modelAttribute("pageTitle", w.msg(titleKey))
                        .modelAttribute("uploadCsrf", csrf.orElse(null))
                        .modelAttribute("uploadsScript", script)
                        .modelAttribute("uploadsStyles", styles)
                        .modelAttribute("tusScript", tus)
                        .modelAttribute("accept", DocumentTypes.accept())
                        .modelAttribute("refusals", REFUSALS)
                        .modelAttribute("languages", languages(exchange, w))
                        .status(status)
                        .build());
    }
}
