package org.consilium.notification.checklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One record a reminder asks for, titled for the reader; {@code outOfDate} when one was sent but is too old
 * (a stale checklist item: a newer one is needed).
 */
public record MissingRecord(String title, boolean outOfDate) {
    /** Item codes of missing records (separated by commas or semicolons). */
    public static final String MISSING = "missing";
    /** Item codes of records sent but out of date. */
    public static final String STALE = "stale";
    /** How the process marked a stale item inside {@code missing} before it sent {@code stale}: still understood. */
    private static final String OLD_STALE_MARK = " (out of date)";

    /** The records a reminder's parameters name, missing ones first, in the reader's {@code locale}. */
    public static List<MissingRecord> of(Map<String, String> parameters, Locale locale) {
        List<MissingRecord> records = new ArrayList<>();
        for (String item : split(parameters.get(MISSING))) {
            boolean marked = item.endsWith(OLD_STALE_MARK);
            String code = marked ? item.substring(0, item.length() - OLD_STALE_MARK.length()) : item;
            records.add(new MissingRecord(RecordTitles.title(code, locale), marked));
        }
        split(parameters.get(STALE)).forEach(code -> records.add(new MissingRecord(RecordTitles.title(code, locale), true)));
        return records;
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of()
                : Arrays.stream(joined.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
