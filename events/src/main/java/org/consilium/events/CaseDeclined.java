package org.consilium.events;

import java.time.Instant;

public record CaseDeclined(String caseId, String reason, @Required Instant declinedAt) implements CaseMessage {
}
