package org.consilium.bpmn.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/**
 * Only a token the provider issued to one of Consilium's own clients is taken: its {@code aud} names one (the
 * embedded provider puts the client id there) or its {@code azp} does (Keycloak's authorized party; its {@code aud}
 * is absent or {@code account}). A token the same provider issued to another application of the realm has the right
 * signature and issuer and is still refused (issue 12). An empty list turns the check off. The same check as the
 * services' (service-support's TokenClients): the engine shares no code with them but the events module.
 *
 * @param clientIds {@code consilium.security.token-clients}
 */
record TokenClients(List<String> clientIds) implements OAuth2TokenValidator<Jwt> {
    private static final OAuth2Error ANOTHER_CLIENT = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token was issued to another application", null);

    TokenClients {
        clientIds = clientIds == null ? List.of() : clientIds.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (clientIds.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        List<String> audience = token.getAudience() == null ? List.of() : token.getAudience();
        String authorizedParty = token.getClaimAsString("azp");
        boolean ours = audience.stream().anyMatch(clientIds::contains)
                || authorizedParty != null && clientIds.contains(authorizedParty);
        return ours ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(ANOTHER_CLIENT);
    }
}
