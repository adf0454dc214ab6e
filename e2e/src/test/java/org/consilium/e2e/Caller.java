package org.consilium.e2e;

import java.util.List;

/**
 * Someone who calls the APIs: a demo user of each role (DemoUsers signs them in), or nobody.
 *
 * @param role     the role the test reports under
 * @param username the demo user, or null for a request without a token
 */
record Caller(String role, String username) {
    /** A specialist of the directory (mdt-scheduler/src/main/resources/directory/specialists.json). */
    static final String SPECIALIST = "dr-eleanor-hughes";
    static final String PATIENT = "pat.lee";

    static final Caller COORDINATOR = new Caller("coordinator", DemoUsers.COORDINATOR);

    static List<Caller> everyRole() {
        return List.of(COORDINATOR, new Caller("specialist", SPECIALIST), new Caller("patient", PATIENT),
                new Caller("ops", DemoUsers.OPS), new Caller("no token", null));
    }

    String authorization() {
        return username == null ? null : DemoUsers.bearer(username);
    }
}
