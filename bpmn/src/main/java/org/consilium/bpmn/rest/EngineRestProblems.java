package org.consilium.bpmn.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Camunda answers errors with its own JSON ({@code {"type": "RestException", "message": ...}}), and
 * with 500 for what is the client's mistake, such as a task that does not exist. Its exception
 * handlers stay in place (they decide the status); this rewrites what they produced into our problem
 * document, after the fact, so it does not depend on which of several exception mappers Jersey picks.
 * A body Jackson could not read comes from Jackson's own mappers as plain text: that becomes the
 * {@code unreadable-request} problem the services answer for the same mistake.
 */
final class EngineRestProblems implements ContainerResponseFilter {
    private static final Map<Integer, String> SLUGS = Map.of(400, "bad-request", 401, "unauthorized", 403, "forbidden",
            404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 409, "conflict",
            415, "unsupported-media-type", 500, "internal-error");
    /** What Jackson throws for a body it cannot read, as Camunda names it in {@link ExceptionDto#getType()}. */
    private static final Set<String> UNREADABLE = Set.of("JsonParseException", "JsonEOFException", "StreamReadException",
            "JsonMappingException", "MismatchedInputException", "InvalidFormatException", "UnrecognizedPropertyException");
    /** Jackson's location suffix; the source is redacted anyway, the line and column are worth keeping. */
    private static final Pattern SOURCE = Pattern.compile("\\s*(?:at )?\\[Source: [^;]*; (line: \\d+, column: \\d+)]");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String instance = request.getUriInfo().getRequestUri().getPath();
        if (response.getStatus() == 400 && response.getEntity() instanceof String text) {
            problem(response, 400, "unreadable-request", "the body is not valid JSON: " + located(text), instance);
            return;
        }
        if (response.getStatus() < 400 || !(response.getEntity() instanceof ExceptionDto error)) {
            return;
        }
        int status = notFound(error) ? 404 : claimedBySomeoneElse(error) ? 409 : response.getStatus();
        if (status == 400 && unreadable(error)) {
            problem(response, 400, "unreadable-request", "the body could not be read: " + located(error.getMessage()), instance);
            return;
        }
        String slug = SLUGS.getOrDefault(status, status < 500 ? "bad-request" : "internal-error");
        String detail = status >= 500 ? "the engine failed to handle the request" : error.getMessage();
        problem(response, status, slug, detail, instance);
    }

    private static void problem(ContainerResponseContext response, int status, String slug, String detail, String instance) {
        response.setStatus(status);
        response.setEntity(EngineProblem.of(status, slug, detail, instance), response.getEntityAnnotations(),
                EngineProblem.PROBLEM_JSON);
    }

    /**
     * The engine's "no such thing" is the caller's 404: a NotFoundException, or the engine's null checks
     * ("Cannot find task with id x: task is null", "execution x doesn't exist: execution is null") that
     * REST wraps into a 500 RestException.
     */
    private static boolean notFound(ExceptionDto error) {
        String message = String.valueOf(error.getMessage()).toLowerCase();
        return "NotFoundException".equals(error.getType()) || message.contains("cannot find ")
                || message.contains("doesn't exist");
    }

    /**
     * A claim of a task someone else claimed first is a conflict the caller can act on ("already claimed by
     * someone else"), not the engine's failure: the engine raises it as a plain ProcessEngineException (500).
     */
    private static boolean claimedBySomeoneElse(ExceptionDto error) {
        return "TaskAlreadyClaimedException".equals(error.getType());
    }

    private static boolean unreadable(ExceptionDto error) {
        return UNREADABLE.contains(error.getType()) || String.valueOf(error.getMessage()).contains("[Source: ");
    }

    /** Jackson's message on one line, with the line and column but not its source description. */
    private static String located(String message) {
        return SOURCE.matcher(String.valueOf(message)).replaceAll(" ($1)").replaceAll("\\s+", " ").trim();
    }
}
