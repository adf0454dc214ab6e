package org.consilium.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.consilium.identity.IdentityProperties;
import org.consilium.identity.clients.ConsiliumClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the protocol endpoints: a Swagger UI on a service's port exchanges its code at {@code /oauth2/token}
 * from the browser, a cross-origin call the browser only makes when the provider allows that origin.
 */
@Configuration(proxyBeanMethods = false)
class BrowserOrigins {

    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        List<String> origins = new ArrayList<>(ConsiliumClients.serviceOrigins(properties.portOffset()));
        origins.add(ConsiliumClients.LOOPBACK + ":[*]");
        CorsConfiguration swaggerUis = new CorsConfiguration();
        swaggerUis.setAllowedOriginPatterns(origins);
        swaggerUis.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        swaggerUis.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/userinfo", "/.well-known/**")) {
            source.registerCorsConfiguration(path, swaggerUis);
        }
        return source;
    }
}
