package org.consilium.support.security;

import org.consilium.support.web.UnreadBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/** 401 and 403 as {@code application/problem+json}, like every other refusal of the services (also for a service's own security chain). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                "a valid bearer token from the Consilium identity provider is required ("
                        + (e.getMessage() == null ? "none was sent" : e.getMessage()) + ")");
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "the caller's roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"urn:consilium:problem:" + slug + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                + json(exchange.getRequest().getPath().value()) + "\"}";
        // an upload refused before its body was read: take the rest of it first, or the client loses the answer;
        // not for 413, which is about not reading it
        Mono<Void> first = status == HttpStatus.PAYLOAD_TOO_LARGE ? Mono.empty() : UnreadBody.discard(exchange.getRequest());
        return first.then(response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8)))));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}
