package org.consilium.mdt.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One session. A board session's id is derived from its tumour group and start (UTC), so the
 * same rule yields the same ids; an ad-hoc or asynchronous one is named after its case.
 *
 * @param endsAt  for an asynchronous review, the deadline of the written opinions is {@code startsAt}
 * @param chairId the board's chair; null for one-case sessions (the panel's chair runs them)
 */
public record SessionSlot(String id, Instant startsAt, Instant endsAt, String tumourGroup, SessionKind kind,
                          String chairId) {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    public static SessionSlot board(String tumourGroup, Instant startsAt, Instant endsAt, String chairId) {
        return new SessionSlot(tumourGroup + "-" + ID.format(startsAt), startsAt, endsAt, tumourGroup, SessionKind.BOARD,
                chairId);
    }

    public static SessionSlot adHoc(String caseId, String tumourGroup, Instant startsAt, Instant endsAt) {
        return new SessionSlot("adhoc-" + caseId, startsAt, endsAt, tumourGroup, SessionKind.AD_HOC, null);
    }

    public static SessionSlot asynchronous(String caseId, String tumourGroup, Instant deadline) {
        return new SessionSlot("async-" + caseId, deadline, deadline, tumourGroup, SessionKind.ASYNCHRONOUS, null);
    }

    public SessionKind kind() {
        return kind == null ? SessionKind.BOARD : kind;
    }
}
