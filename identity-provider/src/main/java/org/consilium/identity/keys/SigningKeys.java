package org.consilium.identity.keys;

import java.io.IOException;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.consilium.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key set the provider signs with and publishes at {@code /oauth2/jwks}. */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) throws IOException {
        RSAKey key;
        if (properties.signingKeyFile().isBlank()) {
            key = SigningKeyFile.generate();
            log.warn("Signing with a key generated for this run only (kid {}): tokens become invalid when it stops. "
                    + "Set SIGNING_KEY_FILE to keep the key across restarts.", key.getKeyID());
        } else {
            Path file = Path.of(properties.signingKeyFile());
            key = SigningKeyFile.loadOrCreate(file);
            log.info("Signing with the key in {} (kid {})", file.toAbsolutePath(), key.getKeyID());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
