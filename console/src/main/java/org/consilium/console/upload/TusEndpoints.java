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
 * The tus protocol's addresses, once for the three doors: {@code /my/cases/{caseId}/uploads[/{id}]} for the patient
 * and the caregiver ({@link MyRecordsController}), {@code /upload/{token}/files[/{id}]} for the doctor's link
 * ({@link LinkUploadController}), {@code /cases/{caseId}/uploads[/{id}]} for a coordinator sending on the patient's
 * behalf from the case page ({@link StaffUploads}). Creation (POST) refuses a kind of file no case takes before
 * anything reaches records.
 */
@Controller
class TusEndpoints {
    static final String MINE = "/my/cases/{key}/uploads";
    static final String MY_UPLOAD = MINE + "/{uploadId}";
    static final String LINKS = "/upload/{key}/files";
    static final String LINK_UPLOAD = LINKS + "/{uploadId}";
    static final String STAFF = "/cases/{key}/uploads";
    static final String STAFF_UPLOAD = STAFF + "/{uploadId}";
    private final UploadDoor mine;
    private final UploadDoor links;
    private final UploadDoor staff;

    TusEndpoints(MyRecordsController mine, LinkUploadController links, StaffUploads staff) {
        this.mine = mine;
        this.links = links;
        this.staff = staff;
    }

    @RequestMapping(path = {MINE, LINKS, STAFF}, method = RequestMethod.OPTIONS)
    Mono<Void> discover(@PathVariable String key, ServerWebExchange exchange) {
        return door(exchange).relay(key, "", exchange);
    }

    @PostMapping({MINE, LINKS, STAFF})
    Mono<Void> create(@PathVariable String key, ServerWebExchange exchange) {
        return DocumentTypes.orRefuse(exchange, () -> door(exchange).relay(key, "", exchange));
    }

    /** HEAD: how much arrived (to resume); DELETE: abort (tus termination), which records allows a contributor. */
    @RequestMapping(path = {MY_UPLOAD, LINK_UPLOAD, STAFF_UPLOAD}, method = {RequestMethod.HEAD, RequestMethod.DELETE})
    Mono<Void> headOrAbort(@PathVariable String key, @PathVariable String uploadId, ServerWebExchange exchange) {
        return door(exchange).relay(key, uploadId, exchange);
    }

    @PatchMapping({MY_UPLOAD, LINK_UPLOAD, STAFF_UPLOAD})
    Mono<Void> append(@PathVariable String key, @PathVariable String uploadId, ServerWebExchange exchange) {
        return door(exchange).relay(key, uploadId, exchange);
    }

    /** Which door by the address's first segment: the mapping above admits only these three. */
    private UploadDoor door(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.startsWith("/upload/") ? links : path.startsWith("/cases/") ? staff : mine;
    }
}
