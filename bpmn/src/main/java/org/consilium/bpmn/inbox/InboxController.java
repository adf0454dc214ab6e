package org.consilium.bpmn.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Ops view of the inbox: what is pending, expired or dead, and replay of an expired or dead event. */
@RestController
@RequestMapping("/api/inbox")
@Tag(name = "inbox", description = "Incoming events kept for correlation with the process")
class InboxController {
    private final InboxStore store;
    private final InboxProperties properties;

    InboxController(InboxStore store, InboxProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    record InboxEvent(String envelopeId, String caseId, String type, InboxStatus status, int attempts, int failures,
                      Instant receivedAt, Instant nextAttemptAt, Instant expiresAt, String lastError) {
        static InboxEvent of(InboxEntry e) {
            return new InboxEvent(e.envelopeId(), e.caseId(), e.type().messageName(), e.status(), e.attempts(),
                    e.failures(), e.receivedAt(), e.nextAttemptAt(), e.expiresAt(), e.lastError());
        }
    }

    @GetMapping
    @Operation(summary = "Events in a status, in arrival order (payloads are not shown)")
    List<InboxEvent> list(@RequestParam(defaultValue = "PENDING") InboxStatus status,
                          @RequestParam(defaultValue = "100") int limit) {
        return store.list(status, Math.max(1, Math.min(limit, 1000))).stream().map(InboxEvent::of).toList();
    }

    @PostMapping("/{envelopeId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Put an expired or dead event back to pending")
    void replay(@PathVariable String envelopeId) {
        InboxEntry entry = store.find(envelopeId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "inbox-event-not-found",
                "No inbox event with id " + envelopeId));
        Instant now = Instant.now();
        if (!store.replay(envelopeId, now, now.plus(properties.expiry()))) {
            throw problem(HttpStatus.CONFLICT, "inbox-event-not-replayable",
                    "Only EXPIRED or DEAD events can be replayed; this one is " + entry.status());
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://consilium.org/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
