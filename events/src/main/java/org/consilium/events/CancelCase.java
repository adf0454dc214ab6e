package org.consilium.events;

/** Command from the process: the case was withdrawn; stop everything in flight for it. */
public record CancelCase(String caseId, String reason) implements CaseMessage {
}
