package org.consilium.records.link;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * A signed upload link as stored: the token itself is never kept (it can be re-derived only with the
 * key), but the link's id is, so that it can be listed and revoked.
 *
 * @param label     who it is for ("Dr Tan, Hospital X"), as its maker wrote it
 * @param createdBy the username of the token that made it
 * @param revokedAt when it was revoked; a revoked link opens nothing
 */
@Document(UploadLink.COLLECTION)
// a case's links, oldest first (UploadLinks.list)
@CompoundIndex(name = "case_created", def = "{'caseId': 1, 'createdAt': 1}")
public record UploadLink(@Id String id, String caseId, String label, String createdBy, Instant createdAt,
                         Instant expiresAt, Instant revokedAt, String revokedBy) {
    public static final String COLLECTION = "uploadLinks";

    public State state(Instant now) {
        return revokedAt != null ? State.REVOKED : now.isAfter(expiresAt) ? State.EXPIRED : State.ACTIVE;
    }

    public enum State { ACTIVE, EXPIRED, REVOKED }
}
