package org.consilium.events;

import java.time.Instant;
import java.util.List;

/** The coordinator accepted the case after triage; record collection starts. */
public record CaseAccepted(String caseId, @Required Urgency urgency, List<String> disciplines, @Required Instant acceptedAt)
        implements CaseMessage {
    public CaseAccepted {
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
    }
}
