package org.consilium.bpmn.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level {@code roles} claim (identity provider and Keycloak realm alike) as {@code ROLE_<role>}
 * authorities, for bearer tokens and for the ID token of a browser login; the name is {@code preferred_username}.
 */
final class RolesClaim {
    static final String ROLES = "roles";
    static final String USERNAME = "preferred_username";

    private RolesClaim() {
    }

    static Converter<Jwt, AbstractAuthenticationToken> bearer() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), username(jwt.getClaims(), jwt.getSubject()));
    }

    /** Adds the roles of the ID token (and user info, when fetched) to what Spring derives from the scopes. */
    static GrantedAuthoritiesMapper login() {
        return granted -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(granted);
            granted.stream().filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                    .forEach(oidc -> {
                        mapped.addAll(authorities(oidc.getIdToken().getClaims()));
                        if (oidc.getUserInfo() != null) {
                            mapped.addAll(authorities(oidc.getUserInfo().getClaims()));
                        }
                    });
            return mapped;
        };
    }

    static String username(Map<String, Object> claims, String fallback) {
        Object name = claims.get(USERNAME);
        return name instanceof String s && !s.isBlank() ? s : fallback;
    }

    private static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        if (!(claims.get(ROLES) instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
