package org.consilium.intake.attachment;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The content of an attachment that came inline with a FHIR intake, streamed as stored. */
@RestController
public class AttachmentController {
    private final IntakeAttachments attachments;

    public AttachmentController(IntakeAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/cases/{caseId}/attachments/{attachmentId}")
    @Operation(summary = "The content of an attachment sent inline with a FHIR intake",
            description = "records-service fetches each attachment named in CaseSubmitted from here and checks its "
                    + "SHA-256 (ADR 7). 404 problem for an attachment that is not this case's.")
    public Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable String caseId, @PathVariable String attachmentId) {
        return attachments.find(caseId, attachmentId).map(file -> {
            String type = file.getMetadata() == null ? null : file.getMetadata().getString("contentType");
            return ResponseEntity.ok()
                    .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type))
                    .contentLength(file.getLength())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(attachments.read(file));
        });
    }
}
