package org.consilium.events;

import java.time.Instant;
import java.util.List;

/**
 * The coordinator swapped a seat of a case's panel after {@link MdtScheduled}: the whole panel as it
 * is now. Who may see the case's records follows the panel (issue 6), so records-service replaces
 * the panel it knows with this one (the newest {@code changedAt} wins).
 */
public record PanelChanged(String caseId, String sessionId, List<PanelMember> panel, @Required Instant changedAt)
        implements CaseMessage {
    public PanelChanged {
        panel = panel == null ? List.of() : List.copyOf(panel);
    }
}
