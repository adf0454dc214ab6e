package org.consilium.bpmn.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.consilium.events.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.Map;

/**
 * bpmn's HTTP security (issue 6), in one place. With {@code consilium.security.enabled=true}:
 * <ul>
 * <li>{@code /engine-rest/**}, {@code /api/**}, {@code /actuator/**}: stateless, a bearer JWT from the identity
 * provider ({@code CONSILIUM_ISSUER_URI}). Engine REST for coordinator, ops and service; the inbox and the
 * actuator (but health and info) for ops. The engine learns the caller ({@link EngineRestAuthentication}).</li>
 * <li>the webapps {@code /camunda/**}: a browser session from an OIDC login (client {@code consilium-camunda}),
 * for coordinator and ops only; Camunda's {@code ContainerBasedAuthenticationFilter} takes the user and groups
 * from it ({@link WebappAuthenticationProvider}), and the engine's authorizations pick the apps
 * ({@link EngineAccess}). Camunda's own password login is closed: it would bypass the identity provider.
 * Camunda's CSRF filter protects its API (its {@code X-XSRF-TOKEN}), so Spring's is off there.</li>
 * <li>API docs and Swagger UI open. 401 and 403 as problem+json.</li>
 * </ul>
 * Off, everything answers as before (the system tests adopt tokens later), and Camunda's demo admin remains.
 */
@Configuration(proxyBeanMethods = false)
public class BpmnSecurity {
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    /** After Spring Security's filter (order -100), as in Camunda's Spring Security examples. */
    private static final int AFTER_SPRING_SECURITY = 101;

    /**
     * Whole-path matchers: the engine REST API and the webapps are servlets of their own, where Spring's default
     * (MVC) matchers would compare only the path within the servlet.
     */
    static RequestMatcher[] paths(String... patterns) {
        return Arrays.stream(patterns).map(PathPatternRequestMatcher.withDefaults()::matcher).toArray(RequestMatcher[]::new);
    }

    /** The firewall's refusals as problems (Spring Security's WebSecurity picks up a bean of this type). */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedAsProblem() {
        return ProblemResponses.rejected();
    }

    @Bean
    @ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "false", matchIfMissing = true)
    SecurityFilterChain notYetEnforced(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
    static class Enforced {

        @Bean
        IssuerDiscovery issuerDiscovery(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                                        @Value("${consilium.security.token-clients:}") java.util.List<String> tokenClients) {
            return new IssuerDiscovery(issuer, new TokenClients(tokenClients));
        }

        @Bean
        JwtDecoder consiliumJwtDecoder(IssuerDiscovery discovery) {
            return new SupplierJwtDecoder(discovery::decoder);
        }

        @Bean
        WebappLogin webappLogin(IssuerDiscovery discovery, WebappClient client) {
            return new WebappLogin(discovery, client);
        }

        @Bean
        JwtDecoderFactory<ClientRegistration> idTokenDecoders(WebappLogin login) {
            return login.idTokenDecoders();
        }

        @Bean
        EngineAccess engineAccess(IdentityService identity, AuthorizationService authorizations,
                                  CamundaBpmProperties camunda) {
            return new EngineAccess(identity, authorizations, camunda);
        }

        @Bean
        FilterRegistrationBean<EngineRestAuthentication> engineRestAuthentication(IdentityService identity) {
            FilterRegistrationBean<EngineRestAuthentication> registration =
                    new FilterRegistrationBean<>(new EngineRestAuthentication(identity));
            registration.addUrlPatterns("/engine-rest/*");
            registration.setOrder(AFTER_SPRING_SECURITY);
            return registration;
        }

        @Bean
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
            FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                    new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
            registration.setInitParameters(Map.of("authentication-provider", WebappAuthenticationProvider.class.getName()));
            registration.addUrlPatterns("/camunda/*");
            registration.setOrder(AFTER_SPRING_SECURITY);
            return registration;
        }

        @Bean
        @Order(1)
        SecurityFilterChain bearerTokens(HttpSecurity http, JwtDecoder decoder) throws Exception {
            return http.securityMatcher(new OrRequestMatcher(paths("/engine-rest/**", "/api/**", "/actuator/**")))
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
                            .requestMatchers(paths("/actuator/**")).hasRole(Roles.OPS)
                            .requestMatchers(paths("/engine-rest/**")).hasAnyRole(Roles.COORDINATOR, Roles.OPS, Roles.SERVICE)
                            .requestMatchers(paths("/api/inbox", "/api/inbox/**")).hasRole(Roles.OPS)
                            .anyRequest().hasRole(Roles.OPS))
                    .oauth2ResourceServer(server -> server
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(RolesClaim.bearer()))
                            .authenticationEntryPoint(ProblemResponses.unauthorized())
                            .accessDeniedHandler(ProblemResponses.forbidden()))
                    .exceptionHandling(errors -> errors
                            .authenticationEntryPoint(ProblemResponses.unauthorized())
                            .accessDeniedHandler(ProblemResponses.forbidden()))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable)
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain webapps(HttpSecurity http, WebappLogin login) throws Exception {
            return http
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers(paths(API_DOCS)).permitAll()
                            .requestMatchers(paths("/error")).permitAll()
                            // Camunda's password login and its first-admin set-up would bypass the identity provider
                            .requestMatchers(paths("/camunda/api/admin/auth/user/*/login/**",
                                    "/camunda/api/admin/setup/**")).denyAll()
                            .anyRequest().hasAnyRole(Roles.COORDINATOR, Roles.OPS))
                    .oauth2Login(oidc -> oidc
                            .loginPage(WebappLogin.START)
                            .tokenEndpoint(token -> token.accessTokenResponseClient(login.tokenExchange()))
                            .userInfoEndpoint(user -> user.userAuthoritiesMapper(RolesClaim.login()))
                            .failureHandler(ProblemResponses.loginFailed()))
                    .exceptionHandling(errors -> errors
                            // the webapps' own XHR calls: a 401 they understand, not a redirect to a login page
                            .defaultAuthenticationEntryPointFor(ProblemResponses.loginRequired(),
                                    paths("/camunda/api/**")[0])
                            .accessDeniedHandler(ProblemResponses.forbidden()))
                    // Camunda's "Log out" ends the Spring session too, or the next request would sign in again
                    .logout(logout -> logout.logoutRequestMatcher(paths("/camunda/api/admin/auth/user/*/logout")[0])
                            .logoutSuccessHandler((request, response, authentication) -> response.setStatus(200)))
                    .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")))
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .build();
        }
    }
}
