package org.consilium.console.upload;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.console.services.ServiceProblem;
import org.consilium.console.upload.UploadClients.RecordsByLink;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The treating doctor's page, without an account ({@code /upload/{token}}: the address records-service's upload link
 * carries). It shows the case's wanted items only, from records' {@code GET /upload-link/checklist}, and relays
 * resumable uploads with the link itself as the credential ({@code Upload-Link}); records opens nothing else to it.
 * The console holds no privilege here: a link records no longer accepts (expired, revoked, altered) gets a page that
 * says so and whom to ask, with nothing of the case on it.
 */
@Controller
class LinkUploadController {
    static final String LINK_HEADER = "Upload-Link";
    private static final String SESSION_CASE = "upload-link-case:";
    private static final java.time.format.DateTimeFormatter EXPIRES = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);
    private static final String FILES = "/upload/{token}/files";
    private static final String FILE = "/upload/{token}/files/{uploadId}";
    private final RecordsByLink records;
    private final UploadPage page;

    LinkUploadController(RecordsByLink records, UploadPage page) {
        this.records = records;
        this.page = page;
    }

    @GetMapping("/upload/{token}")
    Mono<Rendering> page(@PathVariable String token, ServerWebExchange exchange) {
        UploadLanguage w = UploadLanguage.of(exchange);
        // the token is a secret in the address: no referrer leaves this page with it
        exchange.getResponse().getHeaders().set("Referrer-Policy", "no-referrer");
        return records.reads().get().uri("/upload-link/checklist").header(LINK_HEADER, token)
                .accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(RecordItem.LinkChecklist.class)
                .flatMap(checklist -> exchange.getSession().doOnNext(session -> session.getAttributes()
                        .put(SESSION_CASE + token, checklist.caseId())).thenReturn(checklist))
                .flatMap(checklist -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("label", checklist.label());
                    model.put("expires", EXPIRES.format(checklist.expiresAt()) + " UTC");
                    model.put("items", checklist.items().stream().map(item -> ItemCard.of(item, w)).toList());
                    model.put("endpoint", UriComponentsBuilder.fromPath(FILES).buildAndExpand(token).encode().toUriString());
                    return page.render("link-upload", "link.title", exchange, w, model);
                })
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 401 || problem.status() == 403
                        ? page.render("link-closed", "closed.title", HttpStatus.GONE, exchange, w, Map.of())
                        : Mono.error(problem));
    }

    @RequestMapping(path = FILES, method = RequestMethod.OPTIONS)
    Mono<Void> discover(@PathVariable String token, ServerWebExchange exchange) {
        return tus(token, "", exchange);
    }

    @PostMapping(FILES)
    Mono<Void> create(@PathVariable String token, ServerWebExchange exchange) {
        return DocumentTypes.orRefuse(exchange, () -> tus(token, "", exchange));
    }

    @RequestMapping(path = FILE, method = RequestMethod.HEAD)
    Mono<Void> head(@PathVariable String token, @PathVariable String uploadId, ServerWebExchange exchange) {
        return tus(token, uploadId, exchange);
    }

    @PatchMapping(FILE)
    Mono<Void> append(@PathVariable String token, @PathVariable String uploadId, ServerWebExchange exchange) {
        return tus(token, uploadId, exchange);
    }

    /** A link records refuses (revoked, expired) is its problem+json to the script, as any relayed refusal is. */
    private Mono<Void> tus(String token, String uploadId, ServerWebExchange exchange) {
        return caseOf(token, exchange).flatMap(caseId -> relay(token, caseId, uploadId, exchange))
                .onErrorResume(ServiceProblem.class, problem -> TusRelay.problem(exchange.getResponse(), problem.status(),
                        problem.type(), problem.title()));
    }

    /**
     * The link's case: as its page found it (kept in this browser's session, so each chunk does not read the
     * checklist again and fill the case's audit trail), else as records reads the link now. The console does not
     * read the token itself: its format and key are records' business; records checks the link on every request.
     */
    private Mono<String> caseOf(String token, ServerWebExchange exchange) {
        return exchange.getSession().mapNotNull(session -> session.<String>getAttribute(SESSION_CASE + token))
                .switchIfEmpty(Mono.defer(() -> checklist(token)));
    }

    private Mono<String> checklist(String token) {
        return records.reads().get().uri("/upload-link/checklist").header(LINK_HEADER, token)
                .accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(RecordItem.LinkChecklist.class)
                .map(RecordItem.LinkChecklist::caseId);
    }

    private Mono<Void> relay(String token, String caseId, String uploadId, ServerWebExchange exchange) {
        return TusRelay.relayToCase(records.relay(), exchange, caseId, uploadId,
                id -> UriComponentsBuilder.fromPath(FILE).buildAndExpand(token, id).encode().toUriString(),
                headers -> headers.set(LINK_HEADER, token));
    }
}
