package org.consilium.records.checklist;

import org.consilium.events.Urgency;

/**
 * One record a case needs, as the rule set defines it. {@code code} is what an upload names.
 *
 * @param recencyDays        how old (in days, from the date the document was produced) a document
 *                           for this item may be and still count; {@code null}: no expiry
 * @param urgentRecencyDays  the stricter window for URGENT cases; {@code null}: same as {@code recencyDays}
 */
public record ChecklistItem(String code, String title, ItemCategory category, boolean required,
                            Integer recencyDays, Integer urgentRecencyDays) {

    /** The window that applies to a case of this urgency, or {@code null} when documents never go stale. */
    public Integer recencyDaysFor(Urgency urgency) {
        return urgency == Urgency.URGENT && urgentRecencyDays != null ? urgentRecencyDays : recencyDays;
    }
}
