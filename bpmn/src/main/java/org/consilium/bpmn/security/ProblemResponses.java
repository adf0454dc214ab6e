package org.consilium.bpmn.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
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

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String slug, String detail) throws IOException {
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
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
