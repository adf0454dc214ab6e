package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.consilium.identity.testing.DemoLogin;
import org.consilium.identity.testing.LoginRefused;
import org.consilium.identity.testing.ServiceToken;
import org.consilium.identity.testing.TokenResponse;
import org.consilium.identity.users.ConsiliumUser;
import org.consilium.identity.users.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The provider over real HTTP, as a browser, a service and a resource server meet it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests leave metrics export off: the Prometheus endpoint needs it
class IdentityProviderTest {

    /** application.yaml's default: the issuer is configured, not taken from the request. */
    private static final String ISSUER = "http://localhost:9000";

    @LocalServerPort
    int port;

    private URI provider;
    private JwtDecoder resourceServer;

    @BeforeEach
    void provider() {
        provider = URI.create("http://localhost:" + port);
        // what a resource server does: verify the signature against the published key set
        resourceServer = NimbusJwtDecoder.withJwkSetUri(provider + "/oauth2/jwks").build();
    }

    static Stream<ConsiliumUser> demoUsers() {
        return DemoUsers.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void everyDemoUserSignsInAndGetsATokenThatSaysWhoTheyAreAndTheirRoles(ConsiliumUser user) {
        TokenResponse tokens = new DemoLogin(provider).login(user.username(), DemoLogin.DEFAULT_PASSWORD);

        Jwt access = resourceServer.decode(tokens.accessToken());
        assertThat(access.getClaimAsStringList("roles")).containsExactlyElementsOf(user.roles());
        assertThat(access.getSubject()).isEqualTo(user.username());
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo(user.username());
        assertThat(access.getClaimAsString("name")).isEqualTo(user.name());
        assertThat(access.getClaimAsString("email")).isEqualTo(user.email());
        assertThat(access.getIssuer()).hasToString(ISSUER);
        assertThat(access.getAudience()).containsExactly(DemoLogin.WEB_CLIENT);
        assertThat(resourceServer.decode(tokens.idToken()).getClaimAsStringList("roles"))
                .containsExactlyElementsOf(user.roles());
        // the standard locale claim where the person has a language (the console's staff pages follow it), else none
        assertThat(resourceServer.decode(tokens.idToken()).getClaimAsString("locale")).isEqualTo(user.locale());
    }

    @Test
    void theServicesClientGetsAServiceTokenWithClientCredentials() {
        Jwt token = resourceServer.decode(ServiceToken.issue(provider).accessToken());

        assertThat(token.getSubject()).isEqualTo(ServiceToken.SERVICES_CLIENT);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("service");
        assertThat(token.getIssuer()).hasToString(ISSUER);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> new DemoLogin(provider).login("pat.lee", "not-the-password"))
                .isInstanceOf(LoginRefused.class).hasMessageContaining("Login refused");
    }

    @Test
    void aGuesserIsToldToWaitWithoutLearningWhetherTheNameExists() {
        DemoLogin login = new DemoLogin(provider);
        for (int guess = 0; guess < 3; guess++) {
            assertThatThrownBy(() -> login.login("mallory-guessing", "guess")).isInstanceOf(LoginRefused.class)
                    .hasMessageContaining("bad credentials");
        }
        // the waits themselves, and that they never reach another address, are SignInThrottleTest's (with a clock)
        assertThatThrownBy(() -> login.login("mallory-guessing", "guess")).isInstanceOf(LoginRefused.class)
                .hasMessageContaining("from your address: wait 1 s").hasMessageContaining("Retry-After 1");
        assertThat(login.login("pat.lee", DemoLogin.DEFAULT_PASSWORD).accessToken())
                .as("another name from the same address is not slowed").isNotBlank();
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThatThrownBy(() -> new DemoLogin(provider).login("mallory", DemoLogin.DEFAULT_PASSWORD))
                .isInstanceOf(LoginRefused.class);
    }

    @Test
    void aWrongClientSecretIsRefused() {
        assertThatThrownBy(() -> ServiceToken.issue(provider, ServiceToken.SERVICES_CLIENT, "guess"))
                .isInstanceOf(LoginRefused.class).hasMessageContaining("401");
    }

    @Test
    void theWebClientCannotUseClientCredentials() {
        assertThatThrownBy(() -> ServiceToken.issue(provider, DemoLogin.WEB_CLIENT, ""))
                .isInstanceOf(LoginRefused.class);
    }

    @Test
    void servesTheDiscoveryDocumentWithTheConfiguredIssuer() throws Exception {
        HttpResponse<String> discovery = get("/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains(
                "\"issuer\":\"" + ISSUER + "\"",
                "\"jwks_uri\":\"" + ISSUER + "/oauth2/jwks\"",
                "\"authorization_endpoint\":\"" + ISSUER + "/oauth2/authorize\"",
                "\"token_endpoint\":\"" + ISSUER + "/oauth2/token\"",
                "client_credentials", "authorization_code", "S256");
    }

    @Test
    void answersTheStacksReadinessProbeWithoutASignIn() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    void healthDetailsAndMetricsAreForOpsOnly() throws Exception {
        HttpResponse<String> anonymousHealth = get("/actuator/health", null);
        assertThat(anonymousHealth.statusCode()).isEqualTo(200);
        assertThat(anonymousHealth.body()).contains("\"status\":\"UP\"").doesNotContain("components", "diskSpace");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);

        String patient = "Bearer " + new DemoLogin(provider).accessToken("pat.lee", DemoLogin.DEFAULT_PASSWORD);
        assertThat(get("/actuator/health", patient).body()).doesNotContain("components");
        assertThat(get("/actuator/prometheus", patient).statusCode()).isEqualTo(403);

        String ops = "Bearer " + new DemoLogin(provider).accessToken("ops.kim", DemoLogin.DEFAULT_PASSWORD);
        assertThat(get("/actuator/health", ops).body()).contains("\"components\"", "diskSpace");
        HttpResponse<String> metrics = get("/actuator/prometheus", ops);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void keepsItsBrowserSessionInACookieOfItsOwnName() throws Exception {
        // bpmn's webapps on the same host keep their login state in a session too; cookies ignore ports (issue 11)
        HttpResponse<String> authorize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(provider.resolve(
                        "/oauth2/authorize?response_type=code&client_id=consilium-camunda&scope=openid&state=s"
                                + "&redirect_uri=http://localhost:8080/login/oauth2/code/consilium"))
                        .header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("CONSILIUM_IDP_SESSION="))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    }

    @Test
    void letsASwaggerUiOnAServicePortExchangeItsCodeFromTheBrowser() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                provider.resolve("/oauth2/token"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:8081")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8081");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.resolve(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
