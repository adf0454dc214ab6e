package org.consilium.console.worklist;

import java.util.Set;

/**
 * What the coordinator narrowed the list to; from the query string, so a filtered list is a link.
 *
 * @param urgency ROUTINE, EXPEDITED, URGENT, or empty for all
 * @param mine    only the tasks the signed-in user has claimed
 */
public record WorklistFilter(String urgency, boolean mine) {
    static final Set<String> URGENCIES = Set.of("ROUTINE", "EXPEDITED", "URGENT");

    /** An unknown urgency is ignored rather than refused: it filters nothing, as a blank one does. */
    public static WorklistFilter of(String urgency, String mine) {
        String known = urgency != null && URGENCIES.contains(urgency) ? urgency : "";
        return new WorklistFilter(known, "true".equals(mine) || "on".equals(mine));
    }

    /** This list's own address, for a form on it to come back to. */
    public String page() {
        StringBuilder query = new StringBuilder();
        if (!urgency.isEmpty()) {
            query.append("urgency=").append(urgency);
        }
        if (mine) {
            query.append(query.isEmpty() ? "" : "&").append("mine=true");
        }
        return query.isEmpty() ? "/worklist" : "/worklist?" + query;
    }

    boolean accepts(WorklistRow row, String username) {
        return (urgency.isEmpty() || row.hasUrgency(urgency)) && (!mine || row.task().assignedTo(username));
    }
}
