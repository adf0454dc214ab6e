package org.consilium.support.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.events.text.FieldProblem;
import org.consilium.support.problem.ProblemHandlers;
import org.consilium.support.web.UnreadBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Spring Security's firewall refuses a URL with an encoded slash, backslash, percent or NUL, a {@code ..}
 * segment, or a header it cannot trust, before any of our filters run; its own handler answered an empty
 * 400 (e2e's HostileInputTest). This answers the same 400 as the 400 {@code validation} problem every
 * other refusal of the URL is (PlainTextParameters), the field {@code path} or {@code headers}, with the
 * firewall's reason.
 */
final class FirewallRefusals implements ServerExchangeRejectedHandler {
    private static final String PREFIX = "The request was rejected because ";
    private final ObjectMapper json;

    FirewallRefusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException refusal) {
        String reason = String.valueOf(refusal.getMessage());
        String message = reason.startsWith(PREFIX) ? reason.substring(PREFIX.length()) : reason;
        String field = message.toLowerCase().contains("header") ? "headers" : "path";
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(ProblemHandlers.validation(List.of(new FieldProblem(field, message)), null));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return UnreadBody.discard(exchange.getRequest())
                .then(response.writeWith(Mono.just(response.bufferFactory().wrap(body))));
    }
}
