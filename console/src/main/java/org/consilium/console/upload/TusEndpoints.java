package org.consilium.console.upload;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The tus protocol's addresses, once for both doors: {@code /my/cases/{caseId}/uploads[/{id}]} for the patient and
 * the caregiver ({@link MyRecordsController}), {@code /upload/{token}/files[/{id}]} for the doctor's link
 * ({@link LinkUploadController}). Creation (POST) refuses a kind of file no case takes before anything reaches records.
 */
@Controller
class TusEndpoints {
    static final String MINE = "/my/cases/{key}/uploads";
    static final String MY_UPLOAD = MINE + "/{uploadId}";
    static final String LINKS = "/upload/{key}/files";
    static final String LINK_UPLOAD = LINKS + "/{uploadId}";
    private final UploadDoor mine;
    private final UploadDoor links;

    TusEndpoints(MyRecordsController mine, LinkUploadController links) {
        this.mine = mine;
        this.links = links;
    }

    @RequestMapping(path = {MINE, LINKS}, method = RequestMethod.OPTIONS)
    Mono<Void> discover(@PathVariable String key, ServerWebExchange exchange) {
        return door(exchange).relay(key, "", exchange);
    }

    @PostMapping({MINE, LINKS})
    Mono<Void> create(@PathVariable String key, ServerWebExchange exchange) {
        return DocumentTypes.orRefuse(exchange, () -> door(exchange).relay(key, "", exchange));
    }

    /** HEAD: how much arrived (to resume); DELETE: abort (tus termination), which records allows a contributor. */
    @RequestMapping(path = {MY_UPLOAD, LINK_UPLOAD}, method = {RequestMethod.HEAD, RequestMethod.DELETE})
    Mono<Void> headOrAbort(@PathVariable String key, @PathVariable String uploadId, ServerWebExchange exchange) {
        return door(exchange).relay(key, uploadId, exchange);
    }

    @PatchMapping({MY_UPLOAD, LINK_UPLOAD})
    Mono<Void> append(@PathVariable String key, @PathVariable String uploadId, ServerWebExchange exchange) {
        return door(exchange).relay(key, uploadId, exchange);
    }

    private UploadDoor door(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/upload/") ? links : mine;
    }
}
