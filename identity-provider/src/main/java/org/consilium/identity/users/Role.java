package org.consilium.identity.users;

/** The role names of the {@code roles} claim: the one place they are spelled (Keycloak's realm uses the same). */
public final class Role {

    public static final String PATIENT = "patient";
    public static final String CAREGIVER = "caregiver";
    public static final String REFERRER = "referrer";
    public static final String COORDINATOR = "coordinator";
    public static final String SPECIALIST = "specialist";
    public static final String OPS = "ops";
    /** Only for the {@code consilium-services} client: one service calling another. */
    public static final String SERVICE = "service";

    private Role() {
    }
}
