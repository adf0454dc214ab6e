package org.consilium.records.collection;

import java.util.List;

/** The last RecordsIncomplete raised for a case: another is raised only when these items change. */
public record IncompleteNotice(int sequence, List<String> missingItems, List<String> staleItems) {
    public IncompleteNotice {
        missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
        staleItems = staleItems == null ? List.of() : List.copyOf(staleItems);
    }

    boolean names(List<String> missing, List<String> stale) {
        return missingItems.equals(missing) && staleItems.equals(stale);
    }
}
