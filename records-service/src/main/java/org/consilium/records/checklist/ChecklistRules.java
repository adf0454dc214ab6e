package org.consilium.records.checklist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first rule set, as data: which records each cancer type needs. Every checklist is the
 * items every case takes ({@code always}) followed by the type's own, or the {@code fallback}
 * ones for a type the rules do not know. Checked when loaded, so a bad edit stops start-up
 * instead of producing odd checklists.
 */
public final class ChecklistRules {
    public static final String FALLBACK = "fallback";
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Checklist> byType = new LinkedHashMap<>();
    private final Map<String, String> typeByName = new LinkedHashMap<>();
    private final Checklist fallback;

    private ChecklistRules(RuleSet rules) {
        List<ChecklistItem> always = rules.always() == null ? List.of() : rules.always();
        for (CancerTypeRule rule : rules.cancerTypes()) {
            byType.put(rule.type(), checked(rule.type(), always, rule.items()));
            name(normalise(rule.type()), rule.type());
            (rule.aliases() == null ? List.<String>of() : rule.aliases()).forEach(a -> name(normalise(a), rule.type()));
        }
        fallback = checked(FALLBACK, always, rules.fallback());
    }

    public static ChecklistRules read(InputStream yaml) {
        try {
            return new ChecklistRules(YAML.readValue(yaml, RuleSet.class));
        } catch (IOException e) {
            throw new UncheckedIOException("checklist rules are not readable: " + e.getMessage(), e);
        }
    }

    /** The checklist for a cancer type as intake names it ("lung", "Head and neck", "HCC", ...). */
    public Checklist checklistFor(String cancerType) {
        String type = cancerType == null ? null : typeByName.get(normalise(cancerType));
        return type == null ? fallback : byType.get(type);
    }

    public List<String> cancerTypes() {
        return List.copyOf(byType.keySet());
    }

    public Checklist fallback() {
        return fallback;
    }

    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return n.replaceAll("-(cancer|carcinoma|tumou?r)$", "");
    }

    private void name(String name, String type) {
        String previous = typeByName.putIfAbsent(name, type);
        if (previous != null && !previous.equals(type)) {
            throw new IllegalStateException("checklist rules: '" + name + "' names both " + previous + " and " + type);
        }
    }

    private static Checklist checked(String rule, List<ChecklistItem> always, List<ChecklistItem> own) {
        List<ChecklistItem> items = new ArrayList<>(always);
        items.addAll(own == null ? List.of() : own);
        Set<String> codes = new HashSet<>();
        for (ChecklistItem item : items) {
            if (item.code() == null || !CODE.matcher(item.code()).matches()) {
                throw new IllegalStateException("checklist rules, " + rule + ": code '" + item.code()
                        + "' is not lower-case-hyphenated");
            }
            if (!codes.add(item.code())) {
                throw new IllegalStateException("checklist rules, " + rule + ": item " + item.code() + " appears twice");
            }
            if (item.title() == null || item.title().isBlank() || item.category() == null) {
                throw new IllegalStateException("checklist rules, " + rule + ": item " + item.code()
                        + " needs a title and a category");
            }
            checkRecency(rule, item);
        }
        if (items.stream().noneMatch(ChecklistItem::required)) {
            throw new IllegalStateException("checklist rules, " + rule + ": no required item, a case could never complete");
        }
        return new Checklist(rule, items);
    }

    private static void checkRecency(String rule, ChecklistItem item) {
        Integer days = item.recencyDays();
        Integer urgent = item.urgentRecencyDays();
        if (days != null && days <= 0 || urgent != null && urgent <= 0) {
            throw new IllegalStateException("checklist rules, " + rule + ": item " + item.code()
                    + " has a recency window that is not a positive number of days");
        }
        if (urgent != null && days == null) {
            throw new IllegalStateException("checklist rules, " + rule + ": item " + item.code()
                    + " has urgentRecencyDays but no recencyDays");
        }
        if (urgent != null && urgent > days) {
            throw new IllegalStateException("checklist rules, " + rule + ": item " + item.code()
                    + " has urgentRecencyDays longer than recencyDays (urgent cases get the stricter window)");
        }
    }

    record RuleSet(List<ChecklistItem> always, List<CancerTypeRule> cancerTypes, List<ChecklistItem> fallback) {
    }

    record CancerTypeRule(String type, List<String> aliases, List<ChecklistItem> items) {
    }
}
