package org.consilium.identity.clients;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.consilium.identity.IdentityProperties;
import org.consilium.events.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The four clients of Consilium. The same four are in deploy/keycloak/consilium-realm.json.
 * <ul>
 * <li>{@value #WEB}: public (no secret), authorization code with PKCE, for the Swagger UIs and a future SPA;
 * first party, so no consent screen.</li>
 * <li>{@value #SERVICES}: confidential, client credentials only, role {@code service}: one service calling another.</li>
 * <li>{@value #CAMUNDA}: confidential, authorization code, for the browser login to the Camunda webapps of
 * bpmn (Cockpit, Tasklist, Admin); bpmn is a server-side app that can keep a secret; first party, no consent
 * screen. Its secret comes from {@code CAMUNDA_CLIENT_SECRET} (bpmn reads the same variable).</li>
 * <li>{@value #CONSOLE}: confidential, authorization code with PKCE and refresh tokens, for the web console
 * (a backend-for-frontend: it keeps the tokens on its server, ADR 16); it may end the provider's session when its
 * user signs out (OIDC RP-initiated logout, back to its {@code /signed-out} page). Secret from
 * {@code CONSOLE_CLIENT_SECRET} (the console reads the same variable).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ConsiliumClients {

    public static final String WEB = "consilium-web";
    public static final String SERVICES = "consilium-services";
    public static final String CAMUNDA = "consilium-camunda";
    public static final String CONSOLE = "consilium-console";
    /** Spring Security's login callback in the console for its registration {@code consilium}, and its page after logout. */
    static final String CONSOLE_REDIRECT = "/login/oauth2/code/consilium";
    static final String CONSOLE_SIGNED_OUT = "/signed-out";
    private static final int CONSOLE_PORT = 8090;
    /** Spring Security's login callback in bpmn for its registration {@code consilium}. */
    static final String CAMUNDA_REDIRECT = "/login/oauth2/code/consilium";
    private static final int CAMUNDA_PORT = 8080;
    /** Where a client's roles are kept in its settings, for the {@code roles} claim of a client_credentials token. */
    public static final String ROLES_SETTING = "consilium.roles";
    /** The loopback IP origin; any port of it is accepted as a redirect (RFC 8252) and as a browser origin. */
    public static final String LOOPBACK = "http://127.0.0.1";
    static final String SWAGGER_REDIRECT = "/swagger-ui/oauth2-redirect.html";
    private static final int FIRST_SERVICE_PORT = 8080;
    private static final int LAST_SERVICE_PORT = 8084;

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder,
            // a dev default like the services' secret; the stack and production set the variable
            @Value("${CAMUNDA_CLIENT_SECRET:consilium-camunda-secret}") String camundaSecret,
            @Value("${CONSOLE_CLIENT_SECRET:consilium-console-secret}") String consoleSecret) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build();
        RegisteredClient web = RegisteredClient.withId(UUID.nameUUIDFromBytes(WEB.getBytes()).toString())
                .clientId(WEB)
                .clientName("Consilium web and Swagger UI")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(swaggerRedirects(properties.portOffset())))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
        RegisteredClient services = RegisteredClient.withId(UUID.nameUUIDFromBytes(SERVICES.getBytes()).toString())
                .clientId(SERVICES)
                .clientName("Consilium services (service to service)")
                .clientSecret(encoder.encode(properties.servicesSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.of(Roles.SERVICE)).build())
                .tokenSettings(tokens)
                .build();
        RegisteredClient camunda = RegisteredClient.withId(UUID.nameUUIDFromBytes(CAMUNDA.getBytes()).toString())
                .clientId(CAMUNDA)
                .clientName("Camunda webapps (Cockpit, Tasklist, Admin)")
                .clientSecret(encoder.encode(camundaSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(camundaRedirects(properties.portOffset())))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
        RegisteredClient console = RegisteredClient.withId(UUID.nameUUIDFromBytes(CONSOLE.getBytes()).toString())
                .clientId(CONSOLE)
                .clientName("Consilium console")
                .clientSecret(encoder.encode(consoleSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // a working day at the desk outlives a 30-minute access token: the console refreshes it server-side
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(consoleUris(properties.portOffset(), CONSOLE_REDIRECT)))
                .postLogoutRedirectUris(uris -> uris.addAll(consoleUris(properties.portOffset(), CONSOLE_SIGNED_OUT)))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                // PKCE even with a secret (OAuth 2.1, RFC 9700): a stolen code is useless without the verifier
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
        return new InMemoryRegisteredClientRepository(web, services, camunda, console);
    }

    /**
     * Swagger UI's redirect page on every service port (8080-8084 plus the stack's offset). Spring Authorization
     * Server matches {@code localhost} URIs exactly, but a loopback IP with any port (RFC 8252), so the
     * {@code 127.0.0.1} entry also covers a service on an unexpected port.
     */
    static List<String> swaggerRedirects(int portOffset) {
        return Stream.concat(serviceOrigins(portOffset).stream(), Stream.of(LOOPBACK + ":8080"))
                .map(origin -> origin + SWAGGER_REDIRECT)
                .toList();
    }

    /**
     * bpmn's login callback on its port (8080 plus the stack's offset), and on the loopback IP, whose port is
     * not compared (RFC 8252), for a bpmn started on another port.
     */
    static List<String> camundaRedirects(int portOffset) {
        return Stream.of("http://localhost:" + (CAMUNDA_PORT + portOffset), LOOPBACK + ":" + CAMUNDA_PORT)
                .map(origin -> origin + CAMUNDA_REDIRECT)
                .toList();
    }

    /** A path of the console on its port (8090 plus the stack's offset) and on the loopback IP (any port, RFC 8252). */
    static List<String> consoleUris(int portOffset, String path) {
        return Stream.of("http://localhost:" + (CONSOLE_PORT + portOffset), LOOPBACK + ":" + CONSOLE_PORT)
                .map(origin -> origin + path)
                .toList();
    }

    /** Where the services' Swagger UIs are served from: {@code http://localhost:8080} ... {@code :8084}, shifted. */
    public static List<String> serviceOrigins(int portOffset) {
        return IntStream.rangeClosed(FIRST_SERVICE_PORT, LAST_SERVICE_PORT)
                .mapToObj(port -> "http://localhost:" + (port + portOffset))
                .toList();
    }
}
