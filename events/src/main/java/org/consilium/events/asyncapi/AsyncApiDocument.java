package org.consilium.events.asyncapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Json;
import org.consilium.events.MessageType;
import org.consilium.events.Required;
import org.consilium.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0 document of every topic and message, made from {@link MessageType}, {@link Topics} and the payload
 * records as {@link Json} writes them (Jackson's own view of their properties), so it cannot say anything the code
 * does not. {@code docs/asyncapi.json} is this document; events' AsyncApiDocumentTest fails when they differ.
 */
public final class AsyncApiDocument {
    private final Map<String, Object> schemas = new TreeMap<>();

    private AsyncApiDocument() {
    }

    /** The document as pretty JSON with a final newline (the checked-in file's form). */
    public static String json() {
        try {
            return Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new AsyncApiDocument().build())
                    + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> build() {
        Map<String, Object> channels = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            Map<String, Object> messages = new LinkedHashMap<>();
            Arrays.stream(MessageType.values()).filter(type -> type.topics().contains(topic))
                    .forEach(type -> messages.put(type.messageName(), ref("messages", type.messageName())));
            channels.put(channelId(topic), map("address", topic, "messages", messages,
                    "bindings", map("kafka", map("partitions", Topics.partitions(topic), "bindingVersion", "0.5.0"))));
        }
        Map<String, Object> messages = new LinkedHashMap<>();
        for (MessageType type : MessageType.values()) {
            messages.put(type.messageName(), message(type));
        }
        return map("asyncapi", "3.0.0",
                "info", map("title", "Consilium events and commands", "version", "1",
                        "description", "Every Kafka topic of Consilium and the messages on it: CloudEvents 1.0 in binary "
                                + "mode (attributes in ce_* headers, the JSON payload as the value), key = case id. "
                                + "Events are named in the past tense, commands as verb and noun. Generated from the "
                                + "events module (AsyncApiDocument); do not edit by hand."),
                "defaultContentType", "application/json",
                "channels", channels,
                "components", map("messages", messages, "schemas", schemas));
    }

    private Map<String, Object> message(MessageType type) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", map("type", "string", "const", "1.0"));
        headers.put("ce_id", map("type", "string", "description", "what consumers deduplicate on"));
        headers.put("ce_type", map("type", "string", "const", type.ceType()));
        headers.put("ce_source", map("type", "string", "description", "the sending service, e.g. /consilium/intake-service"));
        headers.put("ce_subject", map("type", "string", "description", "the case id, equal to the key"));
        headers.put("ce_time", map("type", "string", "format", "date-time"));
        headers.put("ce_" + CloudEventCodec.TRACEPARENT, map("type", "string",
                "description", "W3C trace context of the span that wrote the event (ADR 19)"));
        headers.put(CloudEventCodec.TRACEPARENT, map("type", "string",
                "description", "the same, for Kafka tracing instrumentation"));
        return map("name", type.messageName(), "title", type.ceType(),
                "summary", type.messageName() + " on " + String.join(", ", type.topics()),
                "contentType", "application/json",
                "headers", map("type", "object", "properties", headers,
                        "required", List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time")),
                "payload", schemaOf(type.payloadType()),
                "bindings", map("kafka", map("key", map("type", "string", "description", "the case id"),
                        "bindingVersion", "0.5.0")));
    }

    /** A reference to the record's schema, made once in components.schemas. */
    private Map<String, Object> schemaOf(Class<?> record) {
        String name = schemaName(record);
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of()); // reserved first: a record may contain itself
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            JavaType javaType = Json.MAPPER.constructType(record);
            for (BeanPropertyDefinition property : Json.MAPPER.getSerializationConfig().introspect(javaType)
                    .findProperties()) {
                if (!property.couldSerialize()) {
                    continue;
                }
                properties.put(property.getName(), schemaOf(property.getPrimaryType()));
                if (isRequired(record, property.getInternalName())) {
                    required.add(property.getName());
                }
            }
            Map<String, Object> schema = map("type", "object", "properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            schemas.put(name, schema);
        }
        return ref("schemas", name);
    }

    private Map<String, Object> schemaOf(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return map("type", "array", "items", schemaOf(type.getContentType()));
        }
        if (type.isMapLikeType()) {
            return map("type", "object", "additionalProperties", schemaOf(type.getContentType()));
        }
        if (raw == String.class) {
            return map("type", "string");
        }
        if (raw == Instant.class) {
            return map("type", "string", "format", "date-time");
        }
        if (raw == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return map("type", "boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return map("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return map("type", "number");
        }
        if (raw.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (raw.isRecord()) {
            return schemaOf(raw);
        }
        throw new IllegalStateException("no schema for " + type + ": add it to AsyncApiDocument");
    }

    private static boolean isRequired(Class<?> record, String component) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(component))
                .anyMatch(c -> c.isAnnotationPresent(Required.class));
    }

    private static String schemaName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
    }

    /** consilium.records.commands -> recordsCommands */
    static String channelId(String topic) {
        String[] parts = topic.replaceFirst("^consilium\\.", "").split("\\.");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            id.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return id.toString();
    }

    private static Map<String, Object> ref(String kind, String name) {
        return map("$ref", "#/components/" + kind + "/" + name);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
