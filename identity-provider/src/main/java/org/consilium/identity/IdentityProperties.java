package org.consilium.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code consilium.identity.*}.
 *
 * @param demoPassword   the one password of every demo user; a demo convenience, never a production setting
 * @param servicesSecret the client secret of {@code consilium-services}
 * @param portOffset     the stack's port offset, so the Swagger UI redirect URIs match the services' shifted ports
 * @param signingKeyFile where the RSA signing key is kept; empty means a fresh key per start (tokens die with it)
 * @param tokenTtl       lifetime of access and ID tokens
 */
@ConfigurationProperties("consilium.identity")
public record IdentityProperties(
        @DefaultValue("consilium-demo") String demoPassword,
        @DefaultValue("consilium-services-secret") String servicesSecret,
        @DefaultValue("0") int portOffset,
        @DefaultValue("") String signingKeyFile,
        @DefaultValue("30m") Duration tokenTtl) {
}
