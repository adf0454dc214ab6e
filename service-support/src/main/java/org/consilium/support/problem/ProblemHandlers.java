package org.consilium.support.problem;

import org.consilium.support.web.UnreadBody;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a stable {@code type}. Validation
 * problems list every bad field at once, so a form can show them all in one round trip.
 */
@RestControllerAdvice
public class ProblemHandlers extends ResponseEntityExceptionHandler {

    public static URI type(String slug) {
        return URI.create("urn:consilium:problem:" + slug);
    }

    @ExceptionHandler(DomainProblem.class)
    public Mono<ResponseEntity<ProblemDetail>> domain(DomainProblem problem, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(type(problem.slug()));
        body.setTitle(problem.status().getReasonPhrase());
        // a refusal of the caller before an upload's body was read (not your case): take the rest first, or the
        // client loses the answer when the connection closes (UnreadBody); never for 413, which is about not reading
        Mono<Void> first = problem.status() == HttpStatus.FORBIDDEN ? UnreadBody.discard(exchange.getRequest()) : Mono.empty();
        return first.thenReturn(ResponseEntity.status(problem.status()).body(body));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() + " field(s) are invalid: " + String.join(", ",
                        errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()));
        body.setType(type("validation"));
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        // Say what is wrong with the body (bad JSON, wrong type, unknown enum value), not just "400".
        Throwable cause = ex.getCause() instanceof DecodingException d && d.getCause() != null ? d.getCause() : ex.getCause();
        String detail = ex.getReason() + (cause == null ? "" : ": " + firstLine(cause.getMessage()));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(type("unreadable-request"));
        body.setTitle("Unreadable request");
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
