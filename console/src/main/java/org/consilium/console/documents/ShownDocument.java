package org.consilium.console.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.consilium.console.services.ServiceClients.Records;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A document of a case, streamed from records-service with the signed-in person's token (its per-case check and
 * audit trail apply: "who opened this pathology report" names them), for the specialist's room and the coordinator's
 * case page alike. Shown in the browser only when it is a type that runs nothing (PDF, images, plain text), with
 * {@code nosniff}; anything else is a download, so a document uploaded as HTML or SVG can never run in the console's
 * origin. The console's pages may frame it (the case page shows PDFs in the page): {@code frame-ancestors 'self'}
 * and {@code X-Frame-Options: SAMEORIGIN} instead of the pages' {@code 'none'} (Spring Security's header writers
 * leave a header the controller set), and a policy of its own that loads nothing but itself.
 */
@Component
public class ShownDocument {
    /** What a browser may show inline from the console's origin: no HTML, no SVG, nothing that runs. */
    public static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "text/plain");
    /**
     * A PDF needs the browser's viewer, which a sandboxed document may not load; an image or a text needs nothing,
     * so it is sandboxed as well.
     */
    static final String PDF_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    static final String OTHER_POLICY = PDF_POLICY + "; sandbox";
    private final Records records;

    public ShownDocument(Records records) {
        this.records = records;
    }

    public static boolean inline(String contentType) {
        return contentType != null && INLINE.contains(baseType(contentType));
    }

    public static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** records' {@code GET /cases/{caseId}/documents/{documentId}}, answered to the browser with the headers above. */
    public Mono<ResponseEntity<Flux<DataBuffer>>> of(String caseId, String documentId) {
        return records.client().get().uri("/cases/{caseId}/documents/{documentId}", caseId, documentId)
                .retrieve().toEntityFlux(DataBuffer.class).map(found -> shown(found, documentId));
    }

    static ResponseEntity<Flux<DataBuffer>> shown(ResponseEntity<Flux<DataBuffer>> found, String documentId) {
        HttpHeaders from = found.getHeaders();
        String type = from.getContentType() == null ? "application/octet-stream" : from.getContentType().toString();
        boolean inline = inline(type);
        String filename = from.getContentDisposition().getFilename();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, inline ? type : "application/octet-stream");
        if (from.getContentLength() >= 0) {
            headers.setContentLength(from.getContentLength());
        }
        headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename == null ? documentId : filename, StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "application/pdf".equals(baseType(type)) ? PDF_POLICY : OTHER_POLICY);
        headers.set("X-Frame-Options", "SAMEORIGIN");
        headers.setCacheControl("no-store");
        headers.setVary(List.of(HttpHeaders.COOKIE));
        return ResponseEntity.ok().headers(headers).body(found.getBody());
    }
}
