package org.consilium.mdt.session;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** The cases booked on one session; created when the first case is put on it (or with its one case). */
@Document("sessions")
public record SessionRoster(@Id String id, Instant startsAt, Instant endsAt, String tumourGroup, SessionKind kind,
                            String chairId, List<String> caseIds, int booked) {
    public SessionRoster {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }

    SessionSlot slot() {
        return new SessionSlot(id, startsAt, endsAt, tumourGroup, kind, chairId);
    }
}
