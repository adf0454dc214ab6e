package org.consilium.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading parsed YAML: dotted paths into nested maps, and nested maps flattened into Spring's dotted keys. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The value at a dotted path ({@code spec.template.spec}), or null. */
    static Object at(Map<String, Object> object, String path) {
        Object current = object;
        for (String key : path.split("\\.")) {
            current = map(current).get(key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** {@code a: {b: 1}} as {@code a.b=1}; list items as {@code a[0]}. */
    static Map<String, String> flatten(Map<String, Object> tree) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, String.valueOf(value));
        }
    }
}
