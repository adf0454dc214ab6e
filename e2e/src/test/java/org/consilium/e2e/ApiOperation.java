package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One operation of a service's OpenAPI document, with every {@code $ref} of its schemas already
 * resolved, so the variants can be generated without the document at hand.
 *
 * @param service    the service's name (for the counts and the failure messages)
 * @param port       its default port (before the stack's offset)
 * @param method     HTTP method, upper case
 * @param path       the path template, e.g. {@code /cases/{caseId}/withdraw}
 * @param parameters its path, query and header parameters
 * @param bodies     request body schema by media type; empty when the operation takes no body
 */
record ApiOperation(String service, int port, String method, String path, List<Parameter> parameters,
                    Map<String, JsonNode> bodies) {

    /** A path, query or header parameter; {@code schema} resolved. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    String key() {
        return service + " " + method + " " + path;
    }

    boolean takesJson() {
        return bodies.keySet().stream().anyMatch(type -> type.contains("json"));
    }

    boolean takesMultipart() {
        return bodies.containsKey("multipart/form-data");
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** The JSON schema of the body (the first JSON media type), or null. */
    JsonNode jsonSchema() {
        return bodies.entrySet().stream().filter(e -> e.getKey().contains("json")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
