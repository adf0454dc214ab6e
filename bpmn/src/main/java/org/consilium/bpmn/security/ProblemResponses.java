package org.consilium.bpmn.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 401 and 403 as {@code application/problem+json}, the same types the WebFlux services answer with. */
final class ProblemResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "a valid bearer token from the Consilium identity provider is required ("
                        + (e.getMessage() == null ? "none was sent" : e.getMessage()) + ")");
    }

    static AuthenticationEntryPoint loginRequired() {
        return (request, response, e) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "sign in first: open /camunda/app/ in the browser (the session has ended or never began)");
    }

    /** A failed browser login (refused at the provider, bad state, bad ID token): say so instead of looping. */
    static AuthenticationFailureHandler loginFailed() {
        return (request, response, e) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "the login at the identity provider failed: " + e.getMessage());
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "the caller's roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    /**
     * Spring Security's firewall refuses a URL with an encoded percent, a semicolon, a {@code //} ... before
     * any filter; by default Boot's error page answered it, a JSON that is not a problem (issue 12). The same
     * 400 {@code validation} problem naming the path as the services answer a URL they refuse.
     */
    static RequestRejectedHandler rejected() {
        return (request, response, e) -> {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^The request was rejected because ", "");
            write(request, response, HttpStatus.BAD_REQUEST, "validation", "1 field(s) are invalid: path " + reason,
                    Map.of("errors", List.of(Map.of("field", "path", "message", reason))));
        };
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String slug, String detail) throws IOException {
        write(request, response, status, slug, detail, Map.of());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String slug, String detail, Map<String, Object> extra) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:consilium:problem:" + slug);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
