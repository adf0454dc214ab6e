package org.consilium.console.signin;

import java.net.URI;

import org.consilium.console.ConsoleProperties;
import org.consilium.events.Roles;
import org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * The console's HTTP security, in one place (ADR 16).
 * <ul>
 * <li>People sign in at the identity provider (authorization code with PKCE, confidential client). The tokens stay
 * in the server's session ({@link SessionTokens}); the browser holds only the HttpOnly, SameSite session cookie
 * {@code CONSILIUM_CONSOLE_SESSION}.</li>
 * <li>Every write (POST) carries the session's CSRF token: the forms' hidden field, which htmx sends too.</li>
 * <li>Sign-out ends the console's session and then the provider's (OIDC RP-initiated logout), back to
 * {@code /signed-out}.</li>
 * <li>The coordinator's desk for coordinators, the review room ({@code /room}) for specialists, {@code /my} for patients
 * and caregivers; other signed-in people
 * get a 403 page that says what is missing.</li>
 * <li>The actuator as on every service: health for anyone, the rest for an {@code ops} bearer token (ADR 10).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ConsoleSecurity {
    static final String SIGNED_OUT = "/signed-out";
    static final String SIGN_IN_FAILED = "/sign-in-failed";

    @Bean
    @Order(1)
    SecurityWebFilterChain actuator(ServerHttpSecurity http, ConsoleProperties properties) {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .anyExchange().hasRole(Roles.OPS))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                        .jwtDecoder(BearerTokens.decoder(properties.issuerUri().toString()))
                        .jwtAuthenticationConverter(BearerTokens.roles())))
                // a script's bearer token, never a browser: a 401, not a redirect to a login page
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain pages(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                 ServerOAuth2AuthorizedClientRepository authorizedClients, ConsoleProperties properties,
                                 Stylesheet stylesheet) {
        DefaultServerOAuth2AuthorizationRequestResolver requests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE although the client has a secret: a code caught on the way back is useless without the verifier
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler endProviderSession = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endProviderSession.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(SIGNED_OUT, SIGN_IN_FAILED, "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .pathMatchers("/worklist", "/worklist/**", "/cases/**", "/tasks/**", "/deliveries/**").hasRole(Roles.COORDINATOR)
                        // the specialist's review room (room.RoomController); "/" sends each role to its own desk
                        .pathMatchers("/room", "/room/**").hasRole(Roles.SPECIALIST)
                        // ops: the dead letters of every service (ops.OpsController), no case content
                        .pathMatchers("/ops", "/ops/**").hasRole(Roles.OPS)
                        // the patient's and caregiver's own pages (records decides which cases are theirs)
                        .pathMatchers("/my", "/my/**").hasAnyRole(Roles.PATIENT, Roles.CAREGIVER)
                        // a treating doctor without an account: the upload link in the address is the credential,
                        // checked by records-service on every request (upload.LinkUploadController)
                        .pathMatchers("/upload/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(requests)
                        .authenticationFailureHandler(new SignInFailed.Redirect())
                        .authorizedClientRepository(authorizedClients))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new SignInAgain())
                        .accessDeniedHandler(new MissingRole(stylesheet)))
                .logout(logout -> logout.logoutSuccessHandler(endProviderSession))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentPolicy(properties.issuerUri())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Only the console's own scripts, styles and images; no inline script, nothing from another origin (ADR 16).
     * Forms post to the console, and sign-out's redirect goes on to the provider, which Chromium checks against
     * {@code form-action} too.
     */
    static String contentPolicy(URI issuer) {
        String provider = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + provider;
    }
}
