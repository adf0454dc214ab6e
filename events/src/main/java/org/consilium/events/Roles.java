package org.consilium.events;

/**
 * The roles of the {@code roles} claim in Consilium's tokens: the one place they are spelled, for
 * the identity provider that issues them and the services that check them (Keycloak's realm export
 * uses the same names).
 */
public final class Roles {
    public static final String PATIENT = "patient";
    public static final String CAREGIVER = "caregiver";
    public static final String REFERRER = "referrer";
    public static final String COORDINATOR = "coordinator";
    public static final String SPECIALIST = "specialist";
    public static final String OPS = "ops";
    /** Another Consilium service, with a client-credentials token. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
