package org.consilium.support.security;

/** The roles of the {@code roles} claim, as the identity provider and the Keycloak realm name them. */
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
