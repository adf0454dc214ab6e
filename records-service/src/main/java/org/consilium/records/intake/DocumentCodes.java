package org.consilium.records.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.consilium.records.collection.CaseRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which checklist item a coded document fills ({@code document-codes.yaml}): the item the sender
 * named in {@code itemSystem}, else the first candidate of the first mapped code that is on the
 * case's checklist.
 */
public final class DocumentCodes {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String itemSystem;
    private final Map<String, List<String>> candidates;

    record Mapping(String itemSystem, Map<String, List<String>> codes) {
    }

    private DocumentCodes(Mapping mapping) {
        if (mapping.itemSystem() == null || mapping.codes() == null) {
            throw new IllegalArgumentException("document codes need itemSystem and codes");
        }
        mapping.codes().forEach((code, items) -> {
            if (!code.contains("|") || items == null || items.isEmpty()) {
                throw new IllegalArgumentException("document code '" + code + "' must be system|code with at least one item");
            }
        });
        this.itemSystem = mapping.itemSystem();
        this.candidates = new LinkedHashMap<>(mapping.codes());
    }

    public static DocumentCodes read(InputStream yaml) {
        try {
            return new DocumentCodes(YAML.readValue(yaml, Mapping.class));
        } catch (IOException e) {
            throw new UncheckedIOException("document codes are not readable: " + e.getMessage(), e);
        }
    }

    /** The checklist item of {@code records} that a document with these codes fills, if any. */
    public Optional<String> itemFor(List<String> codes, CaseRecords records) {
        Optional<String> named = codes.stream().filter(c -> c.startsWith(itemSystem + "|"))
                .map(c -> c.substring(itemSystem.length() + 1))
                .filter(item -> records.item(item).isPresent()).findFirst();
        return named.or(() -> codes.stream()
                .flatMap(code -> candidates.getOrDefault(code, List.of()).stream())
                .filter(item -> records.item(item).isPresent())
                .findFirst());
    }

    /** Every item some code may fill: checked against the checklist rules so a typo is caught in a test. */
    public Set<String> mentionedItems() {
        return candidates.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet());
    }

    public String itemSystem() {
        return itemSystem;
    }
}
