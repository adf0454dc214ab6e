package org.consilium.e2e;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hostile JSON bodies for one operation: the schema's sample with one thing broken, per field where
 * the break is about a field (a wrong type, a control or bidi character, a lone surrogate, a value far
 * over any limit), and whole-body breaks (not JSON, two documents, nesting and numbers past the
 * parser's limits, the wrong content type, a huge body).
 */
final class BodyVariants {
    /** Jackson cannot write an unpaired surrogate as UTF-8, so it goes in as this marker and is swapped for its escape. */
    private static final String LONE = "@@lone-surrogate@@";

    /** A kind of break, the unit the CI-size run samples from. */
    record Variant(String kind, String name, boolean mustRefuse, String contentType, byte[] body) {
    }

    private BodyVariants() {
    }

    static List<Variant> of(JsonNode schema, JsonNode sample, int hugeBytes) {
        List<Variant> variants = new ArrayList<>();
        String json = write(sample);
        variants.add(refused("syntax", "broken JSON", json.substring(0, Math.max(1, json.length() / 2))));
        variants.add(refused("syntax", "two documents", json + " " + json));
        variants.add(refused("syntax", "empty body", ""));
        variants.add(refused("syntax", "a bare string instead of an object", "\"" + "probe" + "\""));
        variants.add(refused("syntax", "null", "null"));
        variants.add(refused("syntax", "nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000)));
        variants.add(refused("syntax", "a 5000-digit number", "{\"n\": " + "9".repeat(5000) + "}"));
        variants.add(new Variant("syntax", "invalid UTF-8 bytes", true, "application/json", invalidUtf8(json)));
        variants.add(new Variant("content-type", "JSON sent as text/plain", true, "text/plain", bytes(json)));
        variants.add(new Variant("content-type", "XML", true, "application/xml", bytes("<case><id>1</id></case>")));
        variants.add(new Variant("content-type", "a form", true, "application/x-www-form-urlencoded", bytes("a=1&b=%E2%80%AE")));
        variants.add(new Variant("content-type", "multipart without a boundary", true, "multipart/form-data", bytes(json)));
        variants.add(new Variant("huge", "a " + hugeBytes / 1024 + " KiB body", true, "application/json",
                bytes("{\"padding\": \"" + "a".repeat(hugeBytes) + "\"}")));
        if (sample.isObject()) {
            ObjectNode extra = sample.deepCopy();
            extra.put("unexpectedField", "probe").putObject("__proto__").put("admin", true);
            extra.put("$where", "sleep(1000)");
            variants.add(new Variant("extra", "extra fields", false, "application/json", bytes(write(extra))));
            if (schema != null && schema.path("required").size() > 0) {
                variants.add(refused("missing", "an empty object (required fields missing)", "{}"));
                for (JsonNode required : schema.get("required")) {
                    ObjectNode missing = sample.deepCopy();
                    missing.remove(required.asText());
                    variants.add(refused("missing", "without " + required.asText(), write(missing)));
                }
            }
        }
        leaves(sample, JsonPointer.empty(), (pointer, value) -> perField(sample, pointer, value, variants));
        return variants;
    }

    private static void perField(JsonNode sample, JsonPointer pointer, JsonNode value, List<Variant> variants) {
        String field = pointer.toString().substring(1).replace('/', '.');
        variants.add(refused("type", "wrong type in " + field, replaced(sample, pointer, wrongType(value))));
        if (value.isTextual()) {
            variants.add(refused("control", "U+0007 in " + field, replaced(sample, pointer, new TextNode("bell\u0007ring"))));
            variants.add(refused("bidi", "U+202E in " + field, replaced(sample, pointer, new TextNode("report\u202Efdp.exe"))));
            variants.add(refused("surrogate", "lone surrogate in " + field,
                    replaced(sample, pointer, new TextNode(LONE)).replace(LONE, "a\\ud800b")));
            variants.add(new Variant("oversized", "100,000 characters in " + field, false, "application/json",
                    bytes(replaced(sample, pointer, new TextNode("x".repeat(100_000))))));
        } else if (value.isNumber()) {
            variants.add(new Variant("oversized", "a huge number in " + field, false, "application/json",
                    bytes(replaced(sample, pointer, Http.JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(400)))))));
        }
    }

    /** Something that no lenient reader turns into the expected type: an object for a scalar, text for the rest. */
    private static JsonNode wrongType(JsonNode value) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return Http.JSON.createObjectNode().put("not", "a " + value.getNodeType().name().toLowerCase());
        }
        return new TextNode("not a structure");
    }

    private interface LeafVisitor {
        void visit(JsonPointer pointer, JsonNode value);
    }

    private static void leaves(JsonNode node, JsonPointer at, LeafVisitor visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(f.getValue(), at.appendProperty(f.getKey()), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), at.appendIndex(i), visitor);
            }
        } else if (!at.matches()) {
            visitor.visit(at, node);
        }
    }

    private static String replaced(JsonNode sample, JsonPointer pointer, JsonNode value) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), value);
        }
        return write(copy);
    }

    private static Variant refused(String kind, String name, String json) {
        return new Variant(kind, name, true, "application/json", bytes(json));
    }

    static String write(JsonNode node) {
        try {
            return Http.JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] invalidUtf8(String json) {
        byte[] text = bytes(json.isEmpty() ? "{}" : json);
        byte[] broken = new byte[text.length + 2];
        System.arraycopy(text, 0, broken, 2, text.length);
        broken[0] = (byte) 0xC3; // a two-byte sequence's start, followed by '(' : not UTF-8
        broken[1] = (byte) 0x28;
        return broken;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }
}
