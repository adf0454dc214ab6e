package org.consilium.records.link;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * The right a valid upload link gives: add documents to one case. It is presented to the rest of
 * the service as a token whose user is {@code upload-link:<linkId>}, with the role
 * {@value #ROLE} only, so the audit trail names the link and the shared per-case rule grants it
 * nothing by itself ({@code access.RecordsGate} lets it upload to its own case).
 */
public record UploadLinkGrant(String linkId, String caseId) {
    public static final String ROLE = "upload-link";
    static final String LINK_CLAIM = "upload_link";
    static final String CASE_CLAIM = "upload_case";

    /** The link the current request came with; empty for a bearer token or none. */
    public static Mono<UploadLinkGrant> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                        && token.getToken().hasClaim(LINK_CLAIM)
                        ? new UploadLinkGrant(token.getToken().getClaimAsString(LINK_CLAIM),
                        token.getToken().getClaimAsString(CASE_CLAIM))
                        : null);
    }

    /** The username the trail and the documents record for uploads through this link. */
    public String username() {
        return "upload-link:" + linkId;
    }

    Authentication authentication(String tokenValue, Instant expiresAt) {
        Jwt jwt = Jwt.withTokenValue(tokenValue).header("alg", "HS256").subject(username())
                .claim("preferred_username", username()).claim("roles", List.of(ROLE))
                .claim(LINK_CLAIM, linkId).claim(CASE_CLAIM, caseId).expiresAt(expiresAt).build();
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_" + ROLE), username());
    }
}
