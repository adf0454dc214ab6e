package org.consilium.intake.attachment;

import io.swagger.v3.oas.annotations.Operation;
import org.consilium.intake.request.CaseGate;
import org.consilium.support.access.CaseAction;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The content of an attachment that came inline with a FHIR intake, streamed as stored. */
@RestController
public class AttachmentController {
    private final IntakeAttachments attachments;
    private final CaseGate gate;

    public AttachmentController(IntakeAttachments attachments, CaseGate gate) {
        this.attachments = attachments;
        this.gate = gate;
    }

    @GetMapping("/cases/{caseId}/attachments/{attachmentId}")
    @Operation(summary = "The content of an attachment sent inline with a FHIR intake",
            description = "records-service fetches each attachment named in CaseSubmitted from here and checks its "
                    + "SHA-256 (ADR 7). 404 problem for an attachment that is not this case's. "
                    + "For another service (role service) and coordinators; every read is on the case's audit trail.")
    public Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable String caseId, @PathVariable String attachmentId,
                                                          ServerHttpRequest request) {
        AuditEntry entry = new AuditEntry(AuditAction.READ, "attachment", "DocumentReference/" + attachmentId,
                "content of an attachment sent with the intake");
        // the read is on the trail once the attachment is known to be there, and before a byte is served
        return gate.admit(request, caseId, CaseAction.VIEW, entry)
                .then(attachments.find(caseId, attachmentId))
                .flatMap(file -> gate.record(request, caseId, entry.describedAs(entry.description() + ": "
                        + file.getFilename())).thenReturn(file))
                .map(file -> {
            String type = file.getMetadata() == null ? null : file.getMetadata().getString("contentType");
            return ResponseEntity.ok()
                    .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type))
                    .contentLength(file.getLength())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(attachments.read(file));
        });
    }
}
