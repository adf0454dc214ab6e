package org.consilium.mdt.guest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * The right a valid guest link gives: read one case's brief and give one guest's opinion on it. Presented to the
 * rest of the service as a token whose user is the guest's seat id, with the role {@value #ROLE} only, so the audit
 * trail names the guest and the shared per-case rule ({@code CaseAudience}) grants it nothing by itself: only the
 * guest endpoints, which ask for this grant, let it in.
 */
public record GuestLinkGrant(String guestId, String caseId, String linkId) {
    public static final String ROLE = "guest-specialist";
    static final String LINK_CLAIM = "guest_link";
    static final String CASE_CLAIM = "guest_case";

    /** The guest link the current request came with; empty for a bearer token or none. */
    public static Mono<GuestLinkGrant> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                        ? of(token) : null);
    }

    /** The grant a link's authentication carries; null for any other token. */
    public static GuestLinkGrant of(JwtAuthenticationToken token) {
        return token.getToken().hasClaim(LINK_CLAIM) ? new GuestLinkGrant(
                token.getToken().getClaimAsString("preferred_username"), token.getToken().getClaimAsString(CASE_CLAIM),
                token.getToken().getClaimAsString(LINK_CLAIM)) : null;
    }

    Authentication authentication(String tokenValue, Instant expiresAt) {
        Jwt jwt = Jwt.withTokenValue(tokenValue).header("alg", "HS256").subject(guestId)
                .claim("preferred_username", guestId).claim("roles", List.of(ROLE))
                .claim(LINK_CLAIM, linkId).claim(CASE_CLAIM, caseId).expiresAt(expiresAt).build();
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_" + ROLE), guestId);
    }
}
