package org.consilium.console.upload;

import org.consilium.console.patient.PatientWords;

/**
 * A checklist item in plain words, in the page's language: what it is, where to get it, an example, and why a
 * document older than its window does not count.
 *
 * @param state  MISSING, RECEIVED, STALE or WAIVED (a CSS class and what the script updates)
 * @param window why the date matters, or null for an item that never goes stale
 */
public record ItemCard(String code, String title, String what, String where, String example, String window, String state,
                String stateText, boolean required, String received) {

    static ItemCard of(RecordItem item, PatientWords w) {
        String category = "category." + item.categoryKey();
        String window = item.recencyDays() == null ? null : w.say("window", item.recencyDays());
        String stateText = "STALE".equals(item.status()) ? w.say("state.STALE", item.recencyDays())
                : w.say("state." + item.status());
        String received = item.documentCount() == 0 ? null : w.say("received.count", item.documentCount());
        return new ItemCard(item.code(), w.tOr("item." + item.code(), item.title()), w.say(category + ".what"),
                w.say(category + ".where"), w.say(category + ".example"), window, item.status(), stateText, item.required(),
                received);
    }

    public boolean wanted() {
        return "MISSING".equals(state) || "STALE".equals(state);
    }
}
