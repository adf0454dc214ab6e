package org.consilium.console.caseview;

import java.time.Instant;

import org.consilium.console.pages.UtcText;

/**
 * One event of the case on its timeline: what happened, when, in which service, in one line that names nothing sealed
 * (no patient, no question, no report text, no addresses: {@link TimelineLines}).
 *
 * @param id      the event's CloudEvents id: what makes applying it twice impossible
 * @param type    the event or command, e.g. {@code RecordsCompleted}
 * @param service the service that published it, from its CloudEvents source
 * @param traceId the W3C trace id it was written in (its {@code traceparent}, ADR 19): what to search the services'
 *                logs and a trace backend for, to follow this step across the services; null when the producer set none
 */
public record TimelineEntry(String id, String type, Instant at, String service, String summary, String traceId) {

    public String atText() {
        return UtcText.of(at);
    }
}
