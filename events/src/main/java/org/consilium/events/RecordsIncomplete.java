package org.consilium.events;

import java.time.Instant;
import java.util.List;

/**
 * The checklist still lacks required items, or holds stale ones: what a reminder must name.
 * Published when the state of the checklist changes while it is incomplete.
 */
public record RecordsIncomplete(String caseId, List<String> missingItems, List<String> staleItems, @Required Instant at)
        implements CaseMessage {
    public RecordsIncomplete {
        missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
        staleItems = staleItems == null ? List.of() : List.copyOf(staleItems);
    }
}
