package org.consilium.support.problem;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.consilium.events.text.FieldProblem;
import org.consilium.support.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.consilium.support.input.InvalidInput;
import org.consilium.support.web.UnreadBody;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a stable {@code type}. Validation
 * problems list every bad field at once, so a form can show them all in one round trip. The
 * framework's own refusals (404, 405, 406, 415, a missing or malformed parameter) get a type of the
 * same kind and a detail without Java type names.
 */
@RestControllerAdvice
public class ProblemHandlers extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);
    private static final Map<Integer, String> SLUGS = Map.of(400, "bad-request", 404, "not-found",
            405, "method-not-allowed", 406, "not-acceptable", 409, "conflict", 413, "request-too-large",
            415, "unsupported-media-type", 422, "unprocessable", 500, "internal-error", 503, "unavailable");

    public static URI type(String slug) {
        return URI.create("urn:consilium:problem:" + slug);
    }

    /** The 400 {@code validation} problem: every bad field with what is wrong with it, sorted by field. */
    public static ProblemDetail validation(List<FieldProblem> problems, String instance) {
        List<Map<String, String>> errors = problems.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() + " field(s) are invalid: " + String.join(", ",
                        errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()));
        body.setType(type("validation"));
        body.setTitle("Invalid request");
        if (instance != null) {
            body.setInstance(URI.create(instance));
        }
        body.setProperty("errors", errors);
        return body;
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

    /**
     * The store is out of reach (issue 12): nothing is wrong with the request, so not a 500 but a 503 with
     * {@code Retry-After}, which clients and proxies know to come back on. Matched anywhere in the cause chain.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            MongoSocketException.class, MongoTimeoutException.class, MongoServerUnavailableException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class})
    public Mono<ResponseEntity<ProblemDetail>> storeUnavailable(Exception outage, ServerWebExchange exchange) {
        log.warn("{} {}: the store cannot be reached: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), outage.toString());
        long seconds = StoreOutage.RETRY_AFTER.toSeconds();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The service's store "
                + "cannot be reached just now, so the request could not be completed. Send it again in " + seconds + " s.");
        body.setType(type("store-unavailable"));
        body.setTitle("Store unavailable");
        body.setProperty("retryAfterSeconds", seconds);
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(body));
    }

    @ExceptionHandler(InvalidInput.class)
    public Mono<ResponseEntity<ProblemDetail>> invalidInput(InvalidInput invalid, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.badRequest().body(validation(invalid.problems(), null)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> problems = ex.getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage()))).toList();
        return Mono.just(ResponseEntity.badRequest().body(validation(problems, null)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                problems.add(new FieldProblem(name(result.getMethodParameter()), String.valueOf(error.getDefaultMessage())))));
        return Mono.just(ResponseEntity.badRequest().body(validation(problems, null)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.badRequest().body(validation(
                List.of(new FieldProblem(ex.getName(), "is required (" + ex.getLabel() + ")")), null)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInput invalid) {
                return Mono.just(ResponseEntity.badRequest().body(validation(invalid.problems(), null)));
            }
        }
        if (ex.getCause() instanceof TypeMismatchException mismatch && ex.getMethodParameter() != null) {
            // a query, path or header value of the wrong kind: the parameter is the field
            String message = "'" + mismatch.getValue() + "' is not " + RequestReadFailure.expected(mismatch.getRequiredType());
            return Mono.just(ResponseEntity.badRequest().body(validation(
                    List.of(new FieldProblem(name(ex.getMethodParameter()), message)), null)));
        }
        // Say what is wrong with the body (bad JSON, wrong type, unknown enum value), not just "400".
        Throwable cause = ex.getCause() instanceof DecodingException d && d.getCause() != null ? d.getCause() : ex.getCause();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, RequestReadFailure.describeBody(cause));
        body.setType(type("unreadable-request"));
        body.setTitle("Unreadable request");
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    /**
     * The framework's own problems (404 for an unknown path, 405, 406, 415, ...) come with type
     * {@code about:blank}: give them ours, and a detail without Java type names.
     */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                                ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(type(SLUGS.getOrDefault(status.value(), status.is4xxClientError() ? "bad-request" : "internal-error")));
            problem.setDetail(status.value() == 404 ? "there is nothing at " + exchange.getRequest().getPath().value()
                    : RequestReadFailure.scrub(problem.getDetail()));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    /** The name a client gave the parameter: the annotation's, else the Java parameter's. */
    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String named = param != null ? param.name() : path != null ? path.name() : header != null ? header.name() : "";
        return !named.isEmpty() ? named : String.valueOf(parameter.getParameterName());
    }
}
