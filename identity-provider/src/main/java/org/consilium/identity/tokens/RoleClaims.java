package org.consilium.identity.tokens;

import java.util.Collection;
import java.util.List;

import org.consilium.identity.clients.ConsiliumClients;
import org.consilium.identity.users.ConsiliumUser;
import org.consilium.identity.users.DemoUsers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts who the caller is into the access token (and the ID token), so a resource server decides from the token
 * alone: {@code roles} (array), {@code preferred_username}, {@code name}, {@code email}, and {@code locale} where the
 * person has one. A client_credentials
 * token carries the client's roles instead. Keycloak's realm maps its realm roles to the same top-level claim.
 */
@Component
class RoleClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            Collection<String> roles = context.getRegisteredClient().getClientSettings()
                    .getSetting(ConsiliumClients.ROLES_SETTING);
            claims.claim(ROLES, roles == null ? List.of() : List.copyOf(roles));
            return;
        }
        DemoUsers.find(context.getPrincipal().getName()).ifPresent(user -> describe(user, claims));
    }

    private static void describe(ConsiliumUser user, JwtClaimsSet.Builder claims) {
        claims.claim(ROLES, user.roles())
                .claim(StandardClaimNames.PREFERRED_USERNAME, user.username())
                .claim(StandardClaimNames.NAME, user.name())
                .claim(StandardClaimNames.EMAIL, user.email());
        if (user.locale() != null) {
            // the standard claim (OIDC Core 5.1); the console picks the staff pages' language from it
            claims.claim(StandardClaimNames.LOCALE, user.locale());
        }
    }
}
