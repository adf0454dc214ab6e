package org.consilium.console.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.console.patient.PatientLanguage;
import org.consilium.console.patient.PatientWords;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.upload.UploadClients.RecordsByLink;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
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
class LinkUploadController implements UploadDoor {
    static final String LINK_HEADER = "Upload-Link";
    private static final String SESSION_CASE = "upload-link-case:";
    private static final java.time.format.DateTimeFormatter EXPIRES = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);
    private final RecordsByLink records;
    private final UploadPage page;

    LinkUploadController(RecordsByLink records, UploadPage page) {
        this.records = records;
        this.page = page;
    }

    @GetMapping("/upload/{token}")
    Mono<Rendering> page(@PathVariable String token, ServerWebExchange exchange, WebSession session) {
        // the doctor's language (switcher, else the browser's): the page names no patient, so not the patient's
        PatientWords w = PatientWords.in(PatientLanguage.forRequest(exchange, session, List.of()), null);
        // the token is a secret in the address: no referrer leaves this page with it
        exchange.getResponse().getHeaders().set("Referrer-Policy", "no-referrer");
        return records.reads().get().uri("/upload-link/checklist").header(LINK_HEADER, token)
                .accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(RecordItem.LinkChecklist.class)
                .doOnNext(checklist -> session.getAttributes().put(SESSION_CASE + token, checklist.caseId()))
                .map(checklist -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("label", checklist.label());
                    model.put("expires", EXPIRES.format(checklist.expiresAt()) + " UTC");
                    model.put("items", checklist.items().stream().map(item -> ItemCard.of(item, w)).toList());
                    model.put("endpoint", UriComponentsBuilder.fromPath(TusEndpoints.LINKS).buildAndExpand(token).encode()
                            .toUriString());
                    return page.render("link-upload", "link.title", HttpStatus.OK, exchange, w, model);
                })
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 401 || problem.status() == 403
                        ? Mono.just(page.render("link-closed", "closed.title", HttpStatus.GONE, exchange, w, Map.of()))
                        : Mono.error(problem));
    }

    /** A link records refuses (revoked, expired) is its problem+json to the script, as any relayed refusal is. */
    @Override
    public Mono<Void> relay(String token, String uploadId, ServerWebExchange exchange) {
        return caseOf(token, exchange).flatMap(caseId -> toRecords(token, caseId, uploadId, exchange))
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

    private Mono<Void> toRecords(String token, String caseId, String uploadId, ServerWebExchange exchange) {
        return TusRelay.relayToCase(records.relay(), exchange, caseId, uploadId,
                id -> UriComponentsBuilder.fromPath(TusEndpoints.LINK_UPLOAD).buildAndExpand(token, id).encode().toUriString(),
                headers -> headers.set(LINK_HEADER, token));
    }
}
