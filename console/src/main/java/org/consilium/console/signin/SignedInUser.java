package org.consilium.console.signin;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is at the keyboard, as the page header and the "mine" filter need it.
 *
 * @param username the token's {@code preferred_username}: what the engine records as a task's assignee
 * @param name     the display name
 * @param roles    Consilium roles, without the {@code ROLE_} prefix
 */
public record SignedInUser(String username, String name, List<String> roles) {

    public static SignedInUser of(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .sorted().toList();
        if (authentication.getPrincipal() instanceof OidcUser user) {
            String name = user.getFullName() != null ? user.getFullName() : authentication.getName();
            return new SignedInUser(authentication.getName(), name, roles);
        }
        return new SignedInUser(authentication.getName(), authentication.getName(), roles);
    }
}
