package org.consilium.intake.limits;

import org.consilium.support.problem.ProblemHandlers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body over {@code spring.codec.max-in-memory-size} is 413 problem {@code request-too-large}, not
 * the 400 "unreadable" (or 500) the codec's error would otherwise become: the client must learn that
 * the size, not the content, is the problem. Ahead of the shared handlers, which would take it first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyTooLarge {

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request body is larger than this service reads (" + e.getMessage()
                        + "); large records go to records-service's resumable uploads");
        body.setType(ProblemHandlers.type("request-too-large"));
        body.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
