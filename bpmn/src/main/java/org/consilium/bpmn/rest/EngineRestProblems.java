package org.consilium.bpmn.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

import java.util.Map;

/**
 * Camunda answers errors with its own JSON ({@code {"type": "RestException", "message": ...}}), and
 * with 500 for what is the client's mistake, such as a task that does not exist. Its exception
 * handlers stay in place (they decide the status); this rewrites what they produced into our problem
 * document, after the fact, so it does not depend on which of several exception mappers Jersey picks.
 */
final class EngineRestProblems implements ContainerResponseFilter {
    private static final Map<Integer, String> SLUGS = Map.of(400, "bad-request", 401, "unauthorized", 403, "forbidden",
            404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 409, "conflict",
            415, "unsupported-media-type", 500, "internal-error");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !(response.getEntity() instanceof ExceptionDto error)) {
            return;
        }
        int status = notFound(error) ? 404 : response.getStatus();
        String slug = SLUGS.getOrDefault(status, status < 500 ? "bad-request" : "internal-error");
        String detail = status >= 500 ? "the engine failed to handle the request" : error.getMessage();
        response.setStatus(status);
        response.setEntity(EngineProblem.of(status, slug, detail, request.getUriInfo().getRequestUri().getPath()),
                response.getEntityAnnotations(), EngineProblem.PROBLEM_JSON);
    }

    /**
     * The engine's "no such thing" is the caller's 404: a NotFoundException, or the engine's null check
     * ("Cannot find task with id x: task is null") that REST wraps into a 500 RestException.
     */
    private static boolean notFound(ExceptionDto error) {
        return "NotFoundException".equals(error.getType())
                || String.valueOf(error.getMessage()).toLowerCase().contains("cannot find ");
    }
}
