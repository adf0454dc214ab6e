package org.consilium.bpmn.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code consilium.security.webapp-client.*}: bpmn's client at the identity provider for the webapps' browser
 * login (confidential, authorization code).
 *
 * @param id     {@code consilium-camunda} at the embedded provider and in the Keycloak realm
 * @param secret {@code CAMUNDA_CLIENT_SECRET}; the default is the embedded provider's dev default
 */
@ConfigurationProperties("consilium.security.webapp-client")
public record WebappClient(@DefaultValue("consilium-camunda") String id,
                           @DefaultValue("consilium-camunda-secret") String secret) {
}
