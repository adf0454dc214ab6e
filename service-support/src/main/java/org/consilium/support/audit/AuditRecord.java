package org.consilium.support.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a service's audit trail, as stored (append-only: {@link AuditTrail} only inserts).
 * Rendered as a FHIR R4 AuditEvent by {@link AuditEventView}.
 *
 * @param what        the entity, FHIR-reference style ({@code DocumentReference/<id>}, {@code Consent/<case>-review})
 * @param description what a person reading the trail needs ("pathology report.pdf", "consent share-with-panel withdrawn")
 * @param denied      true when the request was refused (FHIR outcome 4), false when it was carried out (0)
 * @param who         the token's username; {@code anonymous} where a service does not enforce tokens
 * @param roles       the roles the caller acted with
 * @param from        the address the request came from
 * @param forwardedFor the X-Forwarded-For header when one was sent (a proxy's word, or a client's claim)
 */
@Document("auditEvents")
@CompoundIndex(name = "case_recorded", def = "{'caseId': 1, 'recorded': -1}")
public record AuditRecord(@Id String id, Instant recorded, String caseId, AuditAction action, String subtype,
                          String what, String description, boolean denied, String who, String whoEmail,
                          List<String> roles, String from, String forwardedFor, String userAgent, String source) {
}
