package org.consilium.mdt.session;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/** The cases booked on one session; created when the first case is put on it (or with its one case). */
@Document("sessions")
// the session a case is booked on (SessionBooking: caseIds holds the case)
@CompoundIndex(name = "case", def = "{'caseIds': 1}")
// the one-case sessions of a period (SessionBooking.oneCaseSessions)
@CompoundIndex(name = "kind_starts", def = "{'kind': 1, 'startsAt': 1}")
public record SessionRoster(@Id String id, Instant startsAt, Instant endsAt, String tumourGroup, SessionKind kind,
                            String chairId, List<String> caseIds, int booked) {
    public SessionRoster {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }

    SessionSlot slot() {
        return new SessionSlot(id, startsAt, endsAt, tumourGroup, kind, chairId);
    }
}
