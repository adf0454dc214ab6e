package org.consilium.events;

import java.time.Instant;

public record CaseWithdrawn(String caseId, String reason, Instant withdrawnAt) implements CaseMessage {
}
