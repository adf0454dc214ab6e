package org.consilium.mdt.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One session. A board session's id is derived from its tumour group and start (UTC), so the
 * same rule yields the same ids; an ad-hoc or asynchronous one is named after its case.
 *
 * @param endsAt  for an asynchronous review, the deadline of the written opinions is {@code startsAt}
 * @param chairId who runs the session: the board's chair; for a one-case session the chair of the case's
 *                panel (null only when the panel has no member at all)
 */
public record SessionSlot(String id, Instant startsAt, Instant endsAt, String tumourGroup, SessionKind kind,
                          String chairId) {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    public static SessionSlot board(String tumourGroup, Instant startsAt, Instant endsAt, String chairId) {
        return new SessionSlot(tumourGroup + "-" + ID.format(startsAt), startsAt, endsAt, tumourGroup, SessionKind.BOARD,
                chairId);
    }

    public static SessionSlot adHoc(String caseId, String tumourGroup, Instant startsAt, Instant endsAt, String chairId) {
        return new SessionSlot("adhoc-" + caseId, startsAt, endsAt, tumourGroup, SessionKind.AD_HOC, chairId);
    }

    public static SessionSlot asynchronous(String caseId, String tumourGroup, Instant deadline, String chairId) {
        return new SessionSlot("async-" + caseId, deadline, deadline, tumourGroup, SessionKind.ASYNCHRONOUS, chairId);
    }

    public SessionKind kind() {
        return kind == null ? SessionKind.BOARD : kind;
    }
}
