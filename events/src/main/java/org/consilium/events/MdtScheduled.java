package org.consilium.events;

import java.time.Instant;
import java.util.List;

public record MdtScheduled(String caseId, @Required String sessionId, @Required Instant sessionStartsAt, List<PanelMember> panel)
        implements CaseMessage {
    public MdtScheduled {
        panel = panel == null ? List.of() : List.copyOf(panel);
    }
}
