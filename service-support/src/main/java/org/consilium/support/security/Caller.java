package org.consilium.support.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * Who is calling, from the bearer token: {@code preferred_username} (a specialist's is their
 * directory id), {@code email} and the {@code roles} claim.
 */
public record Caller(String username, String email, List<String> roles) {

    public Caller {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether this caller is the person with this e-mail address (case-insensitive, as mail systems treat it). */
    public boolean isPerson(String address) {
        return email != null && address != null
                && email.trim().toLowerCase(Locale.ROOT).equals(address.trim().toLowerCase(Locale.ROOT));
    }

    /** The caller of the current request; empty when the service does not enforce tokens. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                        ? of(token.getToken()) : null);
    }

    static Caller of(Jwt jwt) {
        String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        return new Caller(username, jwt.getClaimAsString("email"), roles);
    }
}
