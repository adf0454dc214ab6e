package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every hostile request for one operation: its path parameters given real values (the fixture
 * case, so that checks behind "is it your case" are reached) and then one part at a time made
 * hostile: a path segment, a query parameter, a header, the body, the upload.
 *
 * @param realValue  a real value for a path parameter by name (the fixture case's id), or null for an unknown one
 * @param jsonSample a sample body to use instead of the schema's (the FHIR Bundle), by operation key, or null
 * @param hugeBytes  the size of the huge-body variant
 */
record HostileVariants(Function<String, String> realValue, Function<ApiOperation, JsonNode> jsonSample, int hugeBytes) {
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-00000000dead";
    /** Percent-encoded path segments that must be refused wherever they appear (ADR 14: PlainTextParameters). */
    private static final Map<String, String> HOSTILE_SEGMENTS = Map.of(
            "U+202E", "report%E2%80%AEfdp", "U+0007", "bell%07", "U+0000", "a%00b",
            "a lone surrogate (CESU-8)", "a%ED%A0%80b");
    private static final String ITEM = "pathology-report";
    private static final java.util.regex.Pattern PATH_PARAMETER = java.util.regex.Pattern.compile("\\{([^}]+)}");

    List<HostileRequest> of(ApiOperation operation) {
        List<HostileRequest> requests = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        // from the template, not the parameter list: an operation may leave a path parameter undeclared (tus OPTIONS)
        java.util.regex.Matcher names = PATH_PARAMETER.matcher(operation.path());
        while (names.find()) {
            path.put(names.group(1), value(names.group(1)));
        }
        String query = requiredQuery(operation);
        BodyVariants.Variant body = baseBody(operation);

        if (body == null) {
            requests.add(request(operation, "plain", "as documented", false, path, query, Map.of(), null));
        }
        for (String parameter : path.keySet()) {
            HOSTILE_SEGMENTS.forEach((name, segment) -> requests.add(request(operation, "path", name + " in {" + parameter + "}",
                    true, with(path, parameter, segment), query, Map.of(), body)));
            requests.add(request(operation, "path", "3000 characters in {" + parameter + "}", false,
                    with(path, parameter, "p".repeat(3000)), query, Map.of(), body));
            requests.add(request(operation, "path", "'../../etc' in {" + parameter + "}", false,
                    with(path, parameter, "..%2F..%2Fetc"), query, Map.of(), body));
            requests.add(request(operation, "path", "an unknown {" + parameter + "}", false,
                    with(path, parameter, UNKNOWN_ID), query, Map.of(), body));
        }
        for (ApiOperation.Parameter parameter : operation.in("query")) {
            String name = parameter.name();
            boolean refused = followsAdr14(operation);
            requests.add(request(operation, "query", "U+202E in ?" + name, refused, path, and(query, name, "a%E2%80%AEb"), Map.of(), body));
            requests.add(request(operation, "query", "U+0007 in ?" + name, refused, path, and(query, name, "a%07b"), Map.of(), body));
            requests.add(request(operation, "query", "5000 characters in ?" + name, false, path, and(query, name, "q".repeat(5000)), Map.of(), body));
            if (!"string".equals(SampleJson.type(parameter.schema())) || parameter.schema().has("enum")
                    || parameter.schema().has("format")) {
                requests.add(request(operation, "query", "wrong type in ?" + name, true, path, and(query, name, "%7B%7D"), Map.of(), body));
            }
        }
        requests.add(request(operation, "query", "unknown query parameters", false, path,
                and(and(query, "__proto__", "x"), "%24where", "1"), Map.of(), body));
        for (ApiOperation.Parameter header : operation.in("header")) {
            // a header value is Latin-1 on the wire: these are U+202E's UTF-8 bytes, read back as U+202E or as mojibake
            requests.add(request(operation, "header", "U+202E's bytes in " + header.name(), false, path, query,
                    Map.of(header.name(), "key\u00e2\u0080\u00ae"), body));
            requests.add(request(operation, "header", "5000 characters in " + header.name(), false, path, query,
                    Map.of(header.name(), "k".repeat(5000)), body));
        }
        if (operation.takesJson()) {
            JsonNode sample = jsonSample.apply(operation);
            BodyVariants.of(operation.jsonSchema(), sample != null ? sample : SampleJson.of(operation.jsonSchema()), hugeBytes)
                    .forEach(v -> requests.add(request(operation, v.kind(), v.name(), v.mustRefuse(), path, query, Map.of(), v)));
        }
        if (operation.takesMultipart()) {
            UploadVariants.multipart(ITEM).forEach(v -> requests.add(request(operation, v.kind(), v.name(), v.mustRefuse(), path, query, Map.of(), v)));
        }
        if (operation.method().equals("POST") && operation.path().endsWith("/uploads")) {
            for (Map<String, String> tus : UploadVariants.tusCreations(ITEM)) {
                Map<String, String> headers = new LinkedHashMap<>(tus);
                String variant = headers.remove("variant");
                requests.add(request(operation, "tus", variant, true, path, query, headers, null));
            }
        }
        return requests;
    }

    /**
     * The WebFlux services refuse a control or bidi character anywhere in the URL (ADR 14, PlainTextParameters), and
     * so does the engine REST API (bpmn's EngineUrlText). bpmn's own inbox API (Spring MVC) does not: an inbox
     * filter that holds one matches nothing and stores nothing, so there a 200 is allowed.
     */
    private static boolean followsAdr14(ApiOperation operation) {
        return operation.port() != 8080 || operation.path().startsWith("/engine-rest");
    }

    /** The body the path, query and header variants carry: the sample, so that only the one part is hostile. */
    private BodyVariants.Variant baseBody(ApiOperation operation) {
        if (operation.takesJson()) {
            JsonNode sample = jsonSample.apply(operation);
            String json = BodyVariants.write(sample != null ? sample : SampleJson.of(operation.jsonSchema()));
            return new BodyVariants.Variant("sample", "sample", false, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
        if (operation.takesMultipart()) {
            return UploadVariants.multipart(ITEM).stream().filter(v -> v.name().startsWith("the file before")).findFirst().orElseThrow();
        }
        return null;
    }

    private String value(String parameter) {
        String real = realValue.apply(parameter);
        return real != null ? URLEncoder.encode(real, StandardCharsets.UTF_8) : UNKNOWN_ID;
    }

    private static String requiredQuery(ApiOperation operation) {
        String query = "";
        for (ApiOperation.Parameter parameter : operation.in("query")) {
            if (parameter.required()) {
                query = and(query, parameter.name(), URLEncoder.encode(SampleJson.of(parameter.schema()).asText(), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /** The query with {@code name} set to the value: replaced where the required query has it (a repeated parameter's first value wins). */
    private static String and(String query, String name, String encodedValue) {
        String without = query.replaceAll("([?&])" + java.util.regex.Pattern.quote(name) + "=[^&]*", "$1")
                .replace("?&", "?").replace("&&", "&");
        without = without.endsWith("&") || without.equals("?") ? without.substring(0, without.length() - 1) : without;
        return (without.isEmpty() ? "?" : without + "&") + name + "=" + encodedValue;
    }

    private static Map<String, String> with(Map<String, String> path, String name, String encodedValue) {
        Map<String, String> copy = new LinkedHashMap<>(path);
        copy.put(name, encodedValue);
        return copy;
    }

    private static HostileRequest request(ApiOperation operation, String kind, String variant, boolean mustRefuse,
                                          Map<String, String> path, String query, Map<String, String> headers,
                                          BodyVariants.Variant body) {
        String resolved = operation.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            resolved = resolved.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        if (body != null) {
            allHeaders.put("Content-Type", body.contentType());
        }
        return new HostileRequest(kind, variant, mustRefuse, operation.method(), resolved + query, allHeaders,
                body == null ? null : body.body());
    }
}
