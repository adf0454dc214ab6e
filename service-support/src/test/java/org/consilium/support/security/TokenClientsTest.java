package org.consilium.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClientsTest {
    private static final TokenClients CONSILIUM = new TokenClients(List.of("consilium-web", " consilium-console "));

    @Test
    void aTokenIssuedToAConsiliumClientIsTaken() {
        assertThat(CONSILIUM.validate(token(Map.of("aud", List.of("consilium-web")))).hasErrors()).isFalse();
        assertThat(CONSILIUM.validate(token(Map.of("aud", List.of("other", "consilium-console")))).hasErrors()).isFalse();
    }

    @Test
    void keycloaksAuthorizedPartyNamesTheClientWhereItsAudienceDoesNot() {
        assertThat(CONSILIUM.validate(token(Map.of("aud", List.of("account"), "azp", "consilium-web"))).hasErrors())
                .isFalse();
        assertThat(CONSILIUM.validate(token(Map.of("azp", "consilium-console"))).hasErrors()).isFalse();
    }

    @Test
    void aTokenOfTheSameProviderForAnotherApplicationIsRefused() {
        assertThat(CONSILIUM.validate(token(Map.of("aud", List.of("another-application")))).getErrors())
                .singleElement().satisfies(error -> assertThat(error.getErrorCode()).isEqualTo("invalid_token"));
        assertThat(CONSILIUM.validate(token(Map.of("aud", List.of("account"), "azp", "another-application"))).hasErrors())
                .isTrue();
        assertThat(CONSILIUM.validate(token(Map.of("sub", "nobody"))).hasErrors()).as("neither aud nor azp").isTrue();
    }

    @Test
    void anEmptyListChecksNothing() {
        assertThat(new TokenClients(List.of()).validate(token(Map.of("aud", List.of("another-application")))).hasErrors())
                .isFalse();
        assertThat(new TokenClients(List.of(" ")).clientIds()).isEmpty();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).subject("cora.nolan");
        claims.forEach(builder::claim);
        return builder.build();
    }
}
