package org.consilium.support.audit;

/** FHIR AuditEvent.action: what was done to the entity (http://hl7.org/fhir/audit-event-action). */
public enum AuditAction {
    CREATE("C"), READ("R"), UPDATE("U"), DELETE("D"), EXECUTE("E");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
