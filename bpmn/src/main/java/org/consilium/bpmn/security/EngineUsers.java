package org.consilium.bpmn.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Camunda's webapps refuse a user their identity service does not know, so the first webapp login of a
 * coordinator or ops user writes a record for them: id = {@code preferred_username}, names and e-mail from the
 * ID token, <b>no password</b> (nobody can sign in with it; the identity provider stays the only login). The
 * record also lets Tasklist and Cockpit show names. Later logins leave it as it is.
 */
final class EngineUsers {

    private EngineUsers() {
    }

    static void provision(IdentityService identity, String username, OidcUser oidc) {
        if (identity.createUserQuery().userId(username).count() > 0) {
            return;
        }
        User user = identity.newUser(username);
        user.setFirstName(oidc.getGivenName() != null ? oidc.getGivenName()
                : oidc.getFullName() != null ? oidc.getFullName() : username);
        user.setLastName(oidc.getFamilyName() != null ? oidc.getFamilyName() : "");
        user.setEmail(oidc.getEmail());
        try {
            identity.saveUser(user);
        } catch (ProcessEngineException e) {
            // a parallel first request of the same user wrote it already; anything else shows on the next check
            if (identity.createUserQuery().userId(username).count() == 0) {
                throw e;
            }
        }
    }
}
