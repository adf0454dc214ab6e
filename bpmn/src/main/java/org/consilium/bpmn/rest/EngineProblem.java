package org.consilium.bpmn.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An RFC 9457 problem of the engine REST API, with the {@code urn:consilium:problem:} types the services use. */
final class EngineProblem {
    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    /** A qualified Java name as Camunda's messages carry them ("to java type java.lang.Boolean"). */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*");

    private EngineProblem() {
    }

    static Map<String, Object> of(int status, String slug, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:consilium:problem:" + slug);
        Response.Status known = Response.Status.fromStatusCode(status);
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail == null ? "" : QUALIFIED_NAME.matcher(detail).replaceAll("value"));
        problem.put("instance", instance);
        return problem;
    }

    /** 400 {@code validation}: every bad variable, as the services list every bad field. */
    static Response validation(List<Map<String, String>> errors, String instance) {
        Map<String, Object> problem = of(400, "validation", errors.size() + " value(s) are invalid: "
                + String.join(", ", errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()), instance);
        problem.put("title", "Invalid request");
        problem.put("errors", errors);
        return Response.status(400).type(PROBLEM_JSON).entity(problem).build();
    }

    /** 400 {@code unreadable-request}: the body is not JSON, with Jackson's reason and where (never its source). */
    static Response unreadable(java.io.IOException parse, String instance) {
        String reason = parse instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage() + (json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")")
                : "it could not be read";
        return Response.status(400).type(PROBLEM_JSON)
                .entity(of(400, "unreadable-request", "the body is not valid JSON: " + reason, instance)).build();
    }

    static Response notFound(String detail, String instance) {
        return Response.status(404).type(PROBLEM_JSON).entity(of(404, "not-found", detail, instance)).build();
    }
}
