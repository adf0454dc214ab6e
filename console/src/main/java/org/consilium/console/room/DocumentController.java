package org.consilium.console.room;

import org.consilium.console.documents.ShownDocument;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A document of the dossier, streamed from records-service with the specialist's token ({@link ShownDocument}: shown
 * only when it runs nothing, else a download). The coordinator's case page serves the same through its own address.
 */
@Controller
class DocumentController {
    private final ShownDocument documents;

    DocumentController(ShownDocument documents) {
        this.documents = documents;
    }

    @GetMapping("/room/cases/{caseId}/documents/{documentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String caseId, @PathVariable String documentId) {
        return documents.of(caseId, documentId);
    }
}
