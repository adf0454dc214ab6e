package org.consilium.records.checklist;

/** One record a case needs, as the rule set defines it. {@code code} is what an upload names. */
public record ChecklistItem(String code, String title, ItemCategory category, boolean required) {
}
