package org.consilium.console.errors;

import org.consilium.console.language.StaffWords;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.consilium.console.signin.Stylesheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A service's refusal, shown as a page in words (its problem details: what is wrong, what is missing) with the
 * service's status; a client that asks for JSON gets the same as {@code application/problem+json}. A service that
 * does not answer is a 503 that says so. Logged with status and type only: a detail may name a case's content.
 * <p>
 * The handlers return {@code Object} (a {@link Rendering} or a {@link ResponseEntity}), not a {@code Mono}: WebFlux
 * picks the result handler from the value's own type only for a plain {@code Object}.
 */
@ControllerAdvice
class ProblemPages {
    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);
    static final String UNREACHABLE = "urn:consilium:problem:service-unavailable";
    private final String htmxVersion;
    private final Stylesheet stylesheet;

    ProblemPages(@Value("${htmx.version}") String htmxVersion, Stylesheet stylesheet) {
        this.htmxVersion = htmxVersion;
        this.stylesheet = stylesheet;
    }

    @ExceptionHandler(ServiceProblem.class)
    Object serviceSaidNo(ServiceProblem problem, ServerWebExchange exchange) {
        log.info("a service answered {} ({}) to {}", problem.status(), problem.type(), exchange.getRequest().getPath());
        HttpStatus status = HttpStatus.resolve(problem.status()) == null ? HttpStatus.BAD_GATEWAY : HttpStatus.valueOf(problem.status());
        return answer(exchange, status, problem.type(), problem.title(), problem.detail());
    }

    @ExceptionHandler({WebClientRequestException.class, TimeoutException.class})
    Object serviceDidNotAnswer(Exception error, ServerWebExchange exchange) {
        log.warn("a service did not answer for {}: {}", exchange.getRequest().getPath(), error.getClass().getSimpleName());
        StaffWords words = StaffWords.in(exchange.getLocaleContext().getLocale());
        return answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE, words.say("problem.unreachable.title"),
                words.say("problem.unreachable.detail"));
    }

    @ExceptionHandler(BadInput.class)
    Object badInput(BadInput bad, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.BAD_REQUEST, "urn:consilium:problem:invalid-input",
                StaffWords.in(exchange.getLocaleContext().getLocale()).say("problem.invalid", bad.field()), bad.getMessage(), bad.field());
    }

    /** The refresh token ran out too: sign in again, and come back here. */
    @ExceptionHandler(ClientAuthorizationRequiredException.class)
    Mono<String> signInAgain(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                .thenReturn("redirect:" + exchange.getRequest().getPath().value());
    }

    Object answer(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        return answer(exchange, status, type, title, detail, null);
    }

    private Object answer(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail,
                          String field) {
        if (wantsJson(exchange)) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
            body.setTitle(title);
            body.setType(URI.create(type != null && type.contains(":") ? type : "about:blank"));
            if (field != null) {
                body.setProperty("field", field);
                body.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", detail)));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
        // the page header's user and sign-out token: exception handlers get none of the advice's model attributes
        return Rendering.view("error").status(status)
                .modelAttribute("user", exchange.getPrincipal().cast(Authentication.class).map(SignedInUser::of))
                .modelAttribute("csrf", exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.<CsrfToken>empty()))
                .modelAttribute("htmxVersion", htmxVersion)
                // the header's language switcher and the words Java says: advice attributes do not reach a handler
                .modelAttribute("languages", org.consilium.console.language.LanguageModel.links(exchange,
                        exchange.getLocaleContext().getLocale()))
                .modelAttribute("words", StaffWords.in(exchange.getLocaleContext().getLocale()))
                .modelAttribute("stylesheet", stylesheet.path())
                .modelAttribute("status", status.value())
                .modelAttribute("title", title)
                .modelAttribute("detail", detail)
                .build();
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> !type.isWildcardType() && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }
}
