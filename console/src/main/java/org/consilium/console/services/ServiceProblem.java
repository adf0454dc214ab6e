package org.consilium.console.services;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * A service said no: its problem details (RFC 9457) kept whole, so the page can say what is wrong in the service's
 * own words (a 403 says what is missing). The engine's REST errors ({@code type}, {@code message}) are read too.
 * A validation problem's {@code errors} ({@code [{field, message}]}, as every service and the engine list them) are
 * kept by field, so a form can show each next to its input.
 */
public final class ServiceProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ServiceProblem(int status, String type, String title, String detail, Map<String, String> fieldErrors) {
        super(status + " " + title);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** Field (variable) → what is wrong with it, in the service's words; empty when the problem names no field. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public int status() {
        return status;
    }

    /** The service's status for the page that shows the refusal; one no HTTP status names is a bad gateway. */
    public HttpStatus httpStatus() {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? HttpStatus.BAD_GATEWAY : known;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Turns every 4xx/5xx answer into a ServiceProblem, with the body's details when it has any. */
    public static ExchangeFilterFunction onError() {
        return ExchangeFilterFunction.ofResponseProcessor(response -> response.statusCode().isError()
                ? problem(response).flatMap(Mono::error) : Mono.just(response));
    }

    private static Mono<ServiceProblem> problem(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        return response.bodyToMono(JsonNode.class)
                .map(body -> new ServiceProblem(status.value(), text(body, "type", "about:blank"),
                        text(body, "title", text(body, "type", "Error " + status.value())),
                        text(body, "detail", text(body, "message", "")), fieldErrors(body)))
                .onErrorResume(notJson -> Mono.empty())
                .defaultIfEmpty(new ServiceProblem(status.value(), "about:blank", "Error " + status.value(), ""));
    }

    private static Map<String, String> fieldErrors(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        body.path("errors").forEach(error -> {
            String field = error.path("field").asText("");
            if (!field.isEmpty()) {
                errors.merge(field, error.path("message").asText(""), (first, next) -> first + "; " + next);
            }
        });
        return errors;
    }

    private static String text(JsonNode body, String field, String otherwise) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }
}
