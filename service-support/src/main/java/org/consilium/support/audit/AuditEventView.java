package org.consilium.support.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An {@link AuditRecord} in the shape of a FHIR R4 AuditEvent (the JSON a FHIR client reads), so
 * that a trail exported from any service reads the same. Type is always REST; subtype names the
 * interaction ({@code read}, {@code create}, {@code update}, {@code decision}...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventView(String resourceType, String id, Coding type, List<Coding> subtype, String action,
                             Instant recorded, String outcome, String outcomeDesc, List<Agent> agent, Source source,
                             List<Entity> entity) {

    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String CONSILIUM_SUBTYPE = "urn:consilium:audit-subtype";

    public record Coding(String system, String code, String display) {
    }

    public record Reference(String reference, Identifier identifier, String display) {
    }

    public record Identifier(String system, String value) {
    }

    public record Network(String address, String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agent(List<Coding> role, Reference who, boolean requestor, Network network, List<String> policy) {
    }

    public record Source(String site, Reference observer) {
    }

    public record Entity(Reference what, String description) {
    }

    public static AuditEventView of(AuditRecord r) {
        List<Coding> roles = r.roles() == null ? List.of()
                : r.roles().stream().map(role -> new Coding("urn:consilium:role", role, null)).toList();
        Agent agent = new Agent(roles, new Reference(null, new Identifier("urn:consilium:username", r.who()),
                r.whoEmail()), true, r.from() == null ? null : new Network(r.from(), "2"),
                r.forwardedFor() == null ? null : List.of("X-Forwarded-For: " + r.forwardedFor()));
        return new AuditEventView("AuditEvent", r.id(), new Coding(AUDIT_EVENT_TYPE, "rest", "RESTful Operation"),
                List.of(new Coding(CONSILIUM_SUBTYPE, r.subtype(), null)), r.action().code(), r.recorded(),
                r.denied() ? "4" : "0", r.denied() ? "refused: the caller may not" : null, List.of(agent),
                new Source("Consilium", new Reference(null, null, r.source())),
                List.of(new Entity(new Reference(r.what(), null, null), r.description())));
    }
}
