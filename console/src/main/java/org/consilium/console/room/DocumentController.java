package org.consilium.console.room;

import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A document of the dossier, streamed from records-service with the specialist's token (its per-case check and audit
 * trail apply: "who opened this pathology report" names them). Shown in the browser only when it is a type that runs
 * nothing (PDF, images, plain text), with {@code nosniff}; anything else is a download, so a document uploaded as HTML
 * or SVG can never run in the console's origin.
 */
@Controller
class DocumentController {
    private final Room room;

    DocumentController(Room room) {
        this.room = room;
    }

    @GetMapping("/room/cases/{caseId}/documents/{documentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String caseId, @PathVariable String documentId) {
        return room.document(caseId, documentId).map(found -> {
            HttpHeaders from = found.getHeaders();
            String type = from.getContentType() == null ? "application/octet-stream" : from.getContentType().toString();
            boolean inline = Dossier.INLINE.contains(Dossier.baseType(type));
            String filename = from.getContentDisposition().getFilename();
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_TYPE, inline ? type : "application/octet-stream");
            if (from.getContentLength() >= 0) {
                headers.setContentLength(from.getContentLength());
            }
            headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(filename == null ? documentId : filename, java.nio.charset.StandardCharsets.UTF_8).build());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.setCacheControl("no-store");
            headers.setVary(List.of(HttpHeaders.COOKIE));
            return ResponseEntity.ok().headers(headers).body(found.getBody());
        });
    }
}
