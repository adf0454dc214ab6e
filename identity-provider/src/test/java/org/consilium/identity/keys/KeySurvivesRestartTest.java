package org.consilium.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.consilium.identity.IdentityProviderApplication;
import org.consilium.identity.testing.ServiceToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A token a service holds must still verify after the stack restarted the provider with the same key file. */
class KeySurvivesRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aTokenFromBeforeARestartVerifiesAgainstTheKeysPublishedAfterIt() {
        String keyFile = dataDir.resolve("identity/signing-key.json").toString();

        String token;
        try (ConfigurableApplicationContext first = start(keyFile)) {
            token = ServiceToken.issue(baseUrl(first)).accessToken();
        }
        try (ConfigurableApplicationContext second = start(keyFile)) {
            var decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl(second) + "/oauth2/jwks").build();
            assertThat(decoder.decode(token).getClaimAsStringList("roles")).containsExactly("service");
        }
    }

    private static ConfigurableApplicationContext start(String keyFile) {
        return new SpringApplicationBuilder(IdentityProviderApplication.class)
                .run("--server.port=0", "--consilium.identity.signing-key-file=" + keyFile);
    }

    private static URI baseUrl(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port);
    }
}
