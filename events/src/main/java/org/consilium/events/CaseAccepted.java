package org.consilium.events;

import java.time.Instant;
import java.util.List;

/** The coordinator accepted the case after triage; record collection starts. */
public record CaseAccepted(String caseId, Urgency urgency, List<String> disciplines, Instant acceptedAt)
        implements CaseMessage {
    public CaseAccepted {
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
    }
}
