package org.consilium.console.errors;

import java.net.URI;

import org.consilium.console.services.ServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A service's refusal, shown as a page in words (its problem details: what is wrong, what is missing), with the
 * service's status; a client that asks for JSON gets the same as {@code application/problem+json}. Logged with
 * status and type only: a detail may name a case's content.
 */
@ControllerAdvice
class ProblemPages {
    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    @ExceptionHandler(ServiceProblem.class)
    Mono<Object> serviceSaidNo(ServiceProblem problem, ServerWebExchange exchange, Model model) {
        log.info("a service answered {} ({}) to {}", problem.status(), problem.type(), exchange.getRequest().getPath());
        HttpStatus status = HttpStatus.resolve(problem.status()) == null ? HttpStatus.BAD_GATEWAY : HttpStatus.valueOf(problem.status());
        if (wantsJson(exchange)) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.detail());
            body.setTitle(problem.title());
            body.setType(URI.create(problem.type().contains(":") ? problem.type() : "about:blank"));
            return Mono.just(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body));
        }
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("status", status.value());
        model.addAttribute("title", problem.title());
        model.addAttribute("detail", problem.detail());
        return Mono.just("error");
    }

    /** The refresh token ran out too: sign in again, and come back here. */
    @ExceptionHandler(ClientAuthorizationRequiredException.class)
    Mono<String> signInAgain(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                .thenReturn("redirect:" + exchange.getRequest().getPath().value());
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType());
    }
}
