package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the operations of a service from the OpenAPI document it serves (springdoc, {@code /v3/api-docs},
 * open without a token), so that an endpoint added tomorrow is attacked tomorrow without anyone
 * listing it here. {@code $ref}s are inlined (to a bounded depth: recursive schemas exist).
 */
final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final int MAX_DEPTH = 8;

    private OpenApiOperations() {
    }

    static List<ApiOperation> of(String service, int port) {
        Http.Response docs = Http.anonymousGet(RunningStack.url(port, "/v3/api-docs"));
        if (docs.status() != 200 || !docs.body().has("paths")) {
            throw new IllegalStateException(service + " serves no OpenAPI document: " + docs.status() + " " + docs.raw());
        }
        return read(service, port, docs.body());
    }

    static List<ApiOperation> read(String service, int port, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            List<ApiOperation.Parameter> parameters = new ArrayList<>();
            for (JsonNode p : operation.path("parameters")) {
                JsonNode parameter = resolve(document, p, 0);
                parameters.add(new ApiOperation.Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(), resolve(document, parameter.path("schema"), 0)));
            }
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            resolve(document, operation.path("requestBody"), 0).path("content").fields().forEachRemaining(content ->
                    bodies.put(content.getKey(), resolve(document, content.getValue().path("schema"), 0)));
            operations.add(new ApiOperation(service, port, entry.getKey().toUpperCase(), path.getKey(),
                    List.copyOf(parameters), bodies));
        }));
        return operations;
    }

    /** A copy of the node with every {@code $ref} replaced by what it names. */
    private static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
        if (node.has("$ref")) {
            if (depth >= MAX_DEPTH) {
                return Http.JSON.createObjectNode().put("type", "object");
            }
            String ref = node.get("$ref").asText();
            return resolve(document, document.at(ref.substring(1)), depth + 1);
        }
        if (!node.isContainerNode()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                object.set(field.getKey(), resolve(document, field.getValue(), depth));
            }
        } else {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, resolve(document, node.get(i), depth));
            }
        }
        return copy;
    }
}
