package org.consilium.events;

import java.time.Instant;

public record CaseWithdrawn(String caseId, String reason, @Required Instant withdrawnAt) implements CaseMessage {
}
