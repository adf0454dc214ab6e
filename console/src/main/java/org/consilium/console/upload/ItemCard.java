package org.consilium.console.upload;

/**
 * A checklist item in plain words, in the page's language: what it is, where to get it, an example, and why a
 * document older than its window does not count.
 *
 * @param state  MISSING, RECEIVED, STALE or WAIVED (a CSS class and what the script updates)
 * @param window why the date matters, or null for an item that never goes stale
 */
public record ItemCard(String code, String title, String what, String where, String example, String window, String state,
                String stateText, boolean required, String received) {

    static ItemCard of(RecordItem item, UploadLanguage w) {
        String category = "category." + item.categoryKey();
        String window = item.recencyDays() == null ? null : w.msg("window", item.recencyDays());
        String stateText = "STALE".equals(item.status()) ? w.msg("state.STALE", item.recencyDays())
                : w.msg("state." + item.status());
        String received = item.documentCount() == 0 ? null : w.msg("received.count", item.documentCount());
        return new ItemCard(item.code(), w.or("item." + item.code(), item.title()), w.msg(category + ".what"),
                w.msg(category + ".where"), w.msg(category + ".example"), window, item.status(), stateText, item.required(),
                received);
    }

    public boolean wanted() {
        return "MISSING".equals(state) || "STALE".equals(state);
    }
}
