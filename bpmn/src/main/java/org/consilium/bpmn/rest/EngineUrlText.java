package org.consilium.bpmn.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.PathSegment;
import org.consilium.events.text.PlainText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services' URL text rule (ADR 14's {@code PlainTextParameters}) for the engine REST API: every decoded path
 * segment and query parameter name and value is one line of plain text. A U+0007 or U+202E in a task query filter
 * was answered 200 (it matched nothing); it is a client's mistake, said as the 400 {@code validation} problem naming
 * the parameter (or {@code path}).
 */
final class EngineUrlText implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<Map<String, String>> problems = new ArrayList<>();
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            check("path", segment.getPath(), problems);
        }
        request.getUriInfo().getQueryParameters(true).forEach((name, values) -> {
            check(name, name, problems);
            values.forEach(value -> check(name, value, problems));
        });
        if (!problems.isEmpty()) {
            request.abortWith(EngineProblem.validation(problems, request.getUriInfo().getRequestUri().getRawPath()));
        }
    }

    private static void check(String field, String text, List<Map<String, String>> problems) {
        String problem = PlainText.problemInLine(text);
        if (problem != null) {
            // the field names where; the offending text itself is not echoed back
            problems.add(Map.of("field", PlainText.problemInLine(field) == null ? field : "query", "message", problem));
        }
    }
}
