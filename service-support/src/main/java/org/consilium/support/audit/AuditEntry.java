package org.consilium.support.audit;

/**
 * What one line of a case's audit trail says was done: the action, a subtype naming the interaction
 * ({@code download}, {@code opinion}, {@code consent}...), the entity FHIR-reference style
 * ({@code DocumentReference/<id>}) and a description a person reading the trail understands.
 */
public record AuditEntry(AuditAction action, String subtype, String what, String description) {

    public AuditEntry describedAs(String text) {
        return new AuditEntry(action, subtype, what, text);
    }

    public AuditEntry as(AuditAction other) {
        return new AuditEntry(other, subtype, what, description);
    }
}
