package org.consilium.e2e;

import java.util.List;

/**
 * Someone who calls the APIs: a demo user of each role (DemoUsers signs them in), or nobody.
 *
 * @param role     the role the test reports under
 * @param username the demo user, or null for a request without a token (or with a forged one)
 * @param token    a token made by the test instead of the provider's (ForgedTokens), or null
 */
record Caller(String role, String username, String token) {
    /** A specialist of the directory (mdt-scheduler/src/main/resources/directory/specialists.json). */
    static final String SPECIALIST = "dr-eleanor-hughes";
    static final String PATIENT = "pat.lee";

    static final Caller COORDINATOR = new Caller("coordinator", DemoUsers.COORDINATOR);

    Caller(String role, String username) {
        this(role, username, null);
    }

    /** Someone sending a token the provider did not issue as it is. */
    static Caller forging(ForgedTokens.Forged forged) {
        return new Caller("forged: " + forged.name(), null, forged.token());
    }

    static List<Caller> everyRole() {
        return List.of(COORDINATOR, new Caller("specialist", SPECIALIST), new Caller("patient", PATIENT),
                new Caller("ops", DemoUsers.OPS), new Caller("no token", null));
    }

    String authorization() {
        if (token != null) {
            return "Bearer " + token;
        }
        return username == null ? null : DemoUsers.bearer(username);
    }
}
