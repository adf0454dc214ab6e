package org.consilium.console.ask;

import org.consilium.events.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is asking, from their sign-in: the patient themself, or a caregiver asking for the patient with the patient's
 * consent. Intake lets a patient send only a request whose patient e-mail is theirs and a caregiver only one that names
 * them as the proxy, so those come from the token and are not typed.
 */
public record Asker(boolean caregiver, String name, String email) {

    static Asker of(Authentication authentication) {
        boolean patient = authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.PATIENT));
        String name = authentication.getName();
        String email = "";
        if (authentication.getPrincipal() instanceof OidcUser user) {
            name = user.getFullName() != null ? user.getFullName() : name;
            email = user.getEmail() == null ? "" : user.getEmail();
        }
        // someone who is a patient asks as the patient; the caregiver role alone asks for someone else
        return new Asker(!patient, name, email);
    }
}
