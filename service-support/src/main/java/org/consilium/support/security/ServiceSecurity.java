package org.consilium.support.security;

import org.consilium.events.Roles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import java.util.List;

/**
 * The services' HTTP security (issue 6, ADR 10). With {@code consilium.security.enabled=true} every
 * request needs a bearer JWT from the identity provider ({@code CONSILIUM_ISSUER_URI}) except health
 * and the API docs; other actuator endpoints are for {@code ops}; the service adds its own
 * {@link EndpointRules}. Stateless: no session, no CSRF token (no cookies are ever honoured), CORS
 * closed (no cross-origin browser calls are answered), and the usual security headers.
 * <p>
 * Off, a service answers every request as before: the switch lets the services adopt tokens one at a
 * time while the system tests follow; README says which ones enforce them today.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
@Import(OpenApiLogin.class)
public class ServiceSecurity {

    @Bean
    @ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
    SecurityWebFilterChain bearerTokens(ServerHttpSecurity http, ObjectProvider<EndpointRules> rules) {
        return common(http)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    exchanges.pathMatchers("/actuator/**").hasRole(Roles.OPS);
                    exchanges.pathMatchers(HttpMethod.GET, "/cases/*/audit").hasAnyRole(Roles.COORDINATOR, Roles.OPS);
                    exchanges.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                            "/swagger-ui/**", "/webjars/**").permitAll();
                    rules.orderedStream().forEach(rule -> rule.apply(exchanges));
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
    ReactiveJwtDecoder consiliumJwtDecoder(OAuth2ResourceServerProperties properties,
                                           @Value("${consilium.security.token-clients:}") List<String> tokenClients) {
        return TokenDecoder.of(properties, new TokenClients(tokenClients));
    }

    @Bean
    @ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "false", matchIfMissing = true)
    SecurityWebFilterChain notYetEnforced(ServerHttpSecurity http) {
        return common(http).authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
    }

    /** The firewall's refusals as problems (picked up by {@code @EnableWebFluxSecurity}'s filter chain proxy). */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler firewallRefusals(
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return new FirewallRefusals(json);
    }

    private static ServerHttpSecurity common(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(
                                org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }
}
