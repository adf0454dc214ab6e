package org.consilium.records.checklist;

import java.util.List;
import java.util.Optional;

/**
 * The items one cancer type needs.
 *
 * @param rule the rule that produced it: a cancer type of the rule set, or {@code fallback}
 */
public record Checklist(String rule, List<ChecklistItem> items) {
    public Checklist {
        items = List.copyOf(items);
    }

    public Optional<ChecklistItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<ChecklistItem> required() {
        return items.stream().filter(ChecklistItem::required).toList();
    }
}
