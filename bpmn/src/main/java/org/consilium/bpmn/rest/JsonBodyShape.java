package org.consilium.bpmn.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import org.consilium.events.text.FieldProblem;
import org.consilium.events.text.JsonTreeText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON body of the engine REST API must be an object or a list: Camunda's resources take a DTO and
 * dereference it, so {@code null} (or a bare number or string) ended in a NullPointerException and a 500
 * (e2e's HostileInputTest sent it to {@code POST /message}). Refused here, before the resource runs, as
 * the 400 {@code validation} problem naming the body. A body that does not parse is the
 * {@code unreadable-request} problem saying where: Camunda's own answer to it varied with the resource (a
 * plain-text Jackson message, or an error without one). Every text value and property name keeps the
 * services' text rule (ADR 14: no control, bidi control or unpaired surrogate), refused with its path.
 */
final class JsonBodyShape implements ContainerRequestFilter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!WITH_BODY.contains(request.getMethod()) || type == null || !type.getSubtype().endsWith("json")) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException unreadable) {
            request.abortWith(EngineProblem.unreadable(unreadable, request.getUriInfo().getRequestUri().getPath()));
            return;
        }
        if (root != null && !root.isMissingNode() && !root.isContainerNode()) {
            request.abortWith(EngineProblem.validation(List.of(Map.of("field", "body", "message", "must be a JSON object")),
                    request.getUriInfo().getRequestUri().getPath()));
            return;
        }
        // the services' text rule (ADR 14): a reason typed into a task form reaches the patient's mail
        List<FieldProblem> text = JsonTreeText.problems(root);
        if (!text.isEmpty()) {
            request.abortWith(EngineProblem.validation(text.stream()
                            .map(problem -> Map.of("field", problem.field(), "message", problem.message())).toList(),
                    request.getUriInfo().getRequestUri().getPath()));
        }
    }
}
