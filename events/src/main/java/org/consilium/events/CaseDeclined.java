package org.consilium.events;

import java.time.Instant;

public record CaseDeclined(String caseId, String reason, Instant declinedAt) implements CaseMessage {
}
