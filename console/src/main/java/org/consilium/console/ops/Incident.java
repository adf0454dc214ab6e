package org.consilium.console.ops;

import java.time.Instant;

/**
 * One of the engine's open incidents as ops sees it: where the case stopped and why, no case content (the engine
 * holds none: thin variables). {@code cause} is the stack trace's gist: the failing type, its first message line and
 * the first frame of our own code, so the page says where to look without pasting a trace.
 *
 * @param retriable a failed job (or external task) whose retries a person can give back; other incident types
 *                  (a failed condition, a deleted definition) are resolved in Cockpit
 */
public record Incident(String id, String caseId, String processInstanceId, String activity, String type,
                       Instant at, String message, String cause, boolean retriable) {
}
