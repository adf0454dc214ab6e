package org.consilium.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The token's {@code roles} claim as authorities {@code ROLE_<role>}, so rules read
 * {@code hasRole("coordinator")}; the principal's name is the {@code preferred_username}.
 */
final class RolesClaimConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return Mono.just(new JwtAuthenticationToken(jwt,
                caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                caller.username()));
    }
}
