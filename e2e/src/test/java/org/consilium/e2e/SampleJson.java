package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * A plausible value for a schema: its example where the document gives one, else the first enum
 * value, else something of the right type and format. The hostile variants are this sample with one
 * thing broken, so that each variant tests the one thing it breaks and not an earlier "required".
 */
final class SampleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private SampleJson() {
    }

    static JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private static JsonNode of(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode()) {
            return NODES.objectNode();
        }
        if (schema.has("example") && !schema.get("example").isNull()) {
            JsonNode example = schema.get("example");
            // springdoc gives examples as written in the annotation: a string even for a number or an object
            return "string".equals(type(schema)) || !example.isTextual() ? example : parsedOr(example);
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        JsonNode composite = schema.has("oneOf") ? schema.get("oneOf") : schema.has("anyOf") ? schema.get("anyOf")
                : schema.has("allOf") ? schema.get("allOf") : null;
        if (composite != null && !composite.isEmpty()) {
            return of(composite.get(0), depth);
        }
        return switch (type(schema)) {
            case "string" -> NODES.textNode(text(schema));
            case "integer" -> NODES.numberNode(schema.path("minimum").asInt(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1.5));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(of(schema.path("items"), depth + 1));
                }
                yield array;
            }
            default -> object(schema, depth);
        };
    }

    static String type(JsonNode schema) {
        if (schema.has("type")) {
            JsonNode type = schema.get("type");
            return type.isArray() ? type.get(0).asText() : type.asText();
        }
        return schema.has("properties") || schema.has("additionalProperties") ? "object" : "string";
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!p.getValue().path("readOnly").asBoolean()) {
                object.set(p.getKey(), of(p.getValue(), depth + 1));
            }
        });
        if (schema.path("additionalProperties").isObject() && object.isEmpty()) {
            object.set("key", of(schema.get("additionalProperties"), depth + 1));
        }
        return object;
    }

    private static String text(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "date" -> LocalDate.now().plusDays(10).toString();
            case "date-time" -> LocalDate.now().plusDays(10) + "T09:00:00Z";
            case "email" -> "hostile-probe@example.org";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "uri", "url" -> "https://example.org/hook";
            default -> "probe";
        };
    }

    private static JsonNode parsedOr(JsonNode example) {
        try {
            return Http.JSON.readTree(example.asText());
        } catch (Exception e) {
            return example;
        }
    }
}
