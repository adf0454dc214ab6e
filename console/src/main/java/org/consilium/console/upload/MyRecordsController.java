package org.consilium.console.upload;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.console.upload.UploadClients.RecordsAsUser;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The patient's and caregiver's page for sending records ({@code /my/cases/{caseId}/records}, issue 14): the
 * checklist in plain words and resumable uploads, relayed to records-service with the signed-in person's own token,
 * so records decides whether the case is theirs and its trail names them.
 */
@Controller
class MyRecordsController {
    private static final String UPLOADS = "/my/cases/{caseId}/uploads";
    private static final String UPLOAD = "/my/cases/{caseId}/uploads/{uploadId}";
    private final RecordsAsUser records;
    private final UploadPage page;

    MyRecordsController(RecordsAsUser records, UploadPage page) {
        this.records = records;
        this.page = page;
    }

    @GetMapping("/my/cases/{caseId}/records")
    Mono<Rendering> records(@PathVariable String caseId, ServerWebExchange exchange) {
        UploadLanguage w = UploadLanguage.of(exchange);
        return records.reads().get().uri("/cases/{id}/records", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(RecordItem.Checklist.class)
                .map(checklist -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("caseId", caseId);
                    model.put("items", checklist.items().stream().map(item -> ItemCard.of(item, w)).toList());
                    // the summary counts what the panel cannot do without; optional items say so on their card
                    model.put("wanted", checklist.items().stream().filter(i -> i.wanted() && i.required()).count());
                    model.put("complete", "COMPLETE".equals(checklist.status()));
                    model.put("endpoint", UriComponentsBuilder.fromPath(UPLOADS).buildAndExpand(caseId).encode().toUriString());
                    return model;
                })
                .flatMap(model -> page.render("my-records", "my.title", exchange, w, model));
    }

    @RequestMapping(path = UPLOADS, method = RequestMethod.OPTIONS)
    Mono<Void> discover(@PathVariable String caseId, ServerWebExchange exchange) {
        return relay(caseId, "", exchange);
    }

    @PostMapping(UPLOADS)
    Mono<Void> create(@PathVariable String caseId, ServerWebExchange exchange) {
        return DocumentTypes.orRefuse(exchange, () -> relay(caseId, "", exchange));
    }

    @RequestMapping(path = UPLOAD, method = {RequestMethod.HEAD, RequestMethod.DELETE})
    Mono<Void> headOrAbort(@PathVariable String caseId, @PathVariable String uploadId, ServerWebExchange exchange) {
        return relay(caseId, uploadId, exchange);
    }

    @PatchMapping(UPLOAD)
    Mono<Void> append(@PathVariable String caseId, @PathVariable String uploadId, ServerWebExchange exchange) {
        return relay(caseId, uploadId, exchange);
    }

    private Mono<Void> relay(String caseId, String uploadId, ServerWebExchange exchange) {
        return TusRelay.relayToCase(records.relay(), exchange, caseId, uploadId,
                id -> UriComponentsBuilder.fromPath(UPLOAD).buildAndExpand(caseId, id).encode().toUriString(), headers -> { });
    }
}
