package org.consilium.support.security;

import org.consilium.events.TokenAudience;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/**
 * Only a token the provider issued to one of Consilium's own clients is taken ({@link TokenAudience}: its {@code aud}
 * or {@code azp} names one), as a validator of Spring Security's JWT decoder.
 *
 * @param clientIds {@code consilium.security.token-clients}; empty turns the check off
 */
public record TokenClients(List<String> clientIds) implements OAuth2TokenValidator<Jwt> {
    private static final OAuth2Error ANOTHER_CLIENT = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token was issued to another application", null);

    public TokenClients {
        clientIds = new TokenAudience(clientIds).clientIds();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return new TokenAudience(clientIds).accepts(token.getAudience(), token.getClaimAsString("azp"))
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(ANOTHER_CLIENT);
    }
}
