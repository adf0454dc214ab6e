package org.consilium.identity.users;

import java.util.List;

/**
 * A person who signs in, with what the tokens say about them.
 *
 * @param username the login name, the token's {@code sub} and {@code preferred_username}; a specialist's is their
 *                 id in mdt-scheduler's directory, so a later per-case check can compare the two
 * @param roles    Consilium roles, lower case, as they appear in the {@code roles} claim
 * @param locale   the person's language as a BCP 47 tag (the OIDC {@code locale} claim: the console's staff pages
 *                 are shown in it unless the person chooses another); null when not known (no claim)
 */
public record ConsiliumUser(String username, String name, String email, List<String> roles, String locale) {

    public ConsiliumUser {
        roles = List.copyOf(roles);
    }

    public ConsiliumUser(String username, String name, String email, List<String> roles) {
        this(username, name, email, roles, null);
    }
}
