package org.consilium.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI's "Authorize": the identity provider's authorization-code flow with PKCE for the
 * public client {@code consilium-web} (springdoc.swagger-ui.oauth.* in the service defaults), and
 * every operation marked as needing it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
class OpenApiLogin {
    static final String SCHEME = "consilium";

    @Bean
    OpenApiCustomizer consiliumLogin(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                    .description("Sign in at the Consilium identity provider (demo users: identity-provider/README.md)")
                    .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                            .authorizationUrl(base + "/oauth2/authorize").tokenUrl(base + "/oauth2/token")
                            .scopes(new Scopes().addString("openid", "who you are")))));
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
