package org.consilium.bpmn.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.bpmn.support.TestIdentity;
import org.consilium.events.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.bpmn.security.EngineRestAccessTest.assertProblem;

/**
 * The webapps behind the OIDC browser login, run for real against {@link TestIdentity}: bpmn redirects to the
 * provider, redeems the code with its client secret and checks the ID token; only the user's click at the
 * provider is played by the test ({@link TestIdentity#approve}). Then Camunda's container-based filter turns
 * the session's user and roles into a Camunda user and groups, and the engine's authorizations pick the apps.
 */
class WebappLoginTest extends SecuredTestSupport {
    @Autowired
    JdbcTemplate jdbc;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASKLIST = "/camunda/app/tasklist/";
    private static final String TASKLIST_API = "/camunda/api/engine/engine/default/task";
    private static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

    @Test
    void withoutASessionTasklistSendsTheBrowserToTheProvidersLogin() {
        HttpClient browser = browser();
        HttpResponse<String> first = send(browser, page(TASKLIST));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first).getPath()).isEqualTo("/oauth2/authorization/consilium");

        HttpResponse<String> toProvider = send(browser, page(location(first).toString()));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        UriComponents authorize = UriComponentsBuilder.fromUri(location(toProvider)).build();
        assertThat(location(toProvider).toString()).startsWith(TestIdentity.issuer() + "/authorize");
        assertThat(authorize.getQueryParams().getFirst("client_id")).isEqualTo(TestIdentity.CLIENT_ID);
        assertThat(authorize.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(authorize.getQueryParams().getFirst("redirect_uri")).endsWith("/login/oauth2/code/consilium");
    }

    /**
     * The documented URL, the whole way as a browser goes it: Tasklist, the provider's login form, the password,
     * back through authorize to bpmn's callback, Tasklist. Provider and engine both on {@code localhost}, ports
     * apart, and the browser keeps its cookies per host, not per port: were both sessions called JSESSIONID, the
     * provider's would replace bpmn's and the callback would fail with 401 (issue 11).
     */
    @Test
    void aCoordinatorSignsInThroughTheProvidersFormOnTheSameHost() throws Exception {
        assertThat(url(TASKLIST).getHost()).isEqualTo(URI.create(TestIdentity.issuer()).getHost());
        assertThat(url(TASKLIST).getPort()).isNotEqualTo(URI.create(TestIdentity.issuer()).getPort());
        HttpClient browser = browser();

        HttpResponse<String> form = follow(browser, send(browser, page(TASKLIST)));
        assertThat(form.uri().toString()).isEqualTo(TestIdentity.issuer() + "/login");
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(form.uri())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=cora.nolan&password=" + TestIdentity.PASSWORD))
                .build());
        HttpResponse<String> tasklist = follow(browser, signedIn);

        assertThat(tasklist.statusCode()).as(tasklist.uri() + ": " + tasklist.body()).isEqualTo(200);
        assertThat(tasklist.uri()).isEqualTo(url(TASKLIST + "default/"));
        assertThat(whoAmI(browser).get("userId").asText()).isEqualTo("cora.nolan");
    }

    @Test
    void withoutASessionTheWebappApiAnswers401() {
        assertProblem(send(client(), request("GET", TASKLIST_API, null).build()), 401, "urn:consilium:problem:unauthorized");
    }

    @Test
    void aCoordinatorReachesTasklistAndItsApiButNotCockpit() throws Exception {
        HttpClient browser = signIn("cora.nolan", Roles.COORDINATOR);

        HttpResponse<String> tasklist = open(browser, TASKLIST);
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
        assertThat(tasklist.uri().getPath()).isEqualTo(TASKLIST + "default/");
        HttpResponse<String> tasks = send(browser, request("GET", TASKLIST_API, null).build());
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(JSON.readTree(tasks.body()).isArray()).isTrue();

        JsonNode me = whoAmI(browser);
        assertThat(me.get("userId").asText()).isEqualTo("cora.nolan");
        assertThat(me.get("authorizedApps")).extracting(JsonNode::asText).contains("tasklist")
                .doesNotContain("cockpit", "admin");
    }

    @Test
    void opsGetCockpitAndAdmin() throws Exception {
        HttpClient browser = signIn("ops.kim", Roles.OPS);
        HttpResponse<String> cockpit = open(browser, "/camunda/app/cockpit/");
        assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(200);

        JsonNode me = whoAmI(browser);
        assertThat(me.get("userId").asText()).isEqualTo("ops.kim");
        assertThat(me.get("authorizedApps")).extracting(JsonNode::asText).contains("cockpit", "admin", "tasklist");
        HttpResponse<String> admin = open(browser, "/camunda/app/admin/");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    }

    @Test
    void aSignedInPatientOrSpecialistIsRefusedEverywhereInTheWebapps() {
        for (String role : new String[] {Roles.PATIENT, Roles.CAREGIVER, Roles.REFERRER, Roles.SPECIALIST, Roles.SERVICE}) {
            HttpClient browser = signIn("user-" + role, role);
            assertProblem(send(browser, page(TASKLIST)), 403, "urn:consilium:problem:forbidden");
            assertProblem(send(browser, request("GET", TASKLIST_API, null).build()), 403, "urn:consilium:problem:forbidden");
            assertProblem(send(browser, request("GET", WHO_AM_I, null).build()), 403, "urn:consilium:problem:forbidden");
        }
    }

    @Test
    void camundasOwnPasswordLoginIsClosedEvenToASignedInUser() {
        HttpClient browser = signIn("cora.nolan", Roles.COORDINATOR);
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build());
        assertProblem(login, 403, "urn:consilium:problem:forbidden");
    }

    @Test
    void camundasLogoutEndsTheSession() {
        HttpClient browser = signIn("cora.nolan", Roles.COORDINATOR);
        assertThat(send(browser, request("GET", TASKLIST_API, null).build()).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = send(browser, request("POST", "/camunda/api/admin/auth/user/default/logout", null)
                .build());
        assertThat(logout.statusCode()).isEqualTo(200);
        assertProblem(send(browser, request("GET", TASKLIST_API, null).build()), 401, "urn:consilium:problem:unauthorized");
    }

    @Test
    void camundasFirstAdminSetupIsClosed() {
        HttpClient browser = signIn("cora.nolan", Roles.COORDINATOR);
        HttpResponse<String> setup = send(browser, request("POST", "/camunda/api/admin/setup/default/user/create", null)
                .build());
        assertProblem(setup, 403, "urn:consilium:problem:forbidden");
    }

    @Test
    void aLoginWithACodeTheProviderNeverIssuedFails() {
        HttpClient browser = browser();
        URI authorize = startLogin(browser);
        String state = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().getFirst("state");
        HttpResponse<String> callback = send(browser, page("/login/oauth2/code/consilium?code=made-up&state=" + state));
        assertProblem(callback, 401, "urn:consilium:problem:unauthorized");
        assertThat(send(browser, page(TASKLIST)).statusCode()).isEqualTo(302);
    }

    /**
     * The signed-in user's session is kept in the engine's database, not in one node's memory (ADR 31), so that
     * whichever engine node a request reaches serves it; with its row gone, the same browser is signed out.
     */
    @Test
    void theSessionLivesInTheEnginesDatabaseSoAnyNodeServesIt() {
        CookieManager cookies = new CookieManager();
        HttpClient browser = signIn(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies).connectTimeout(TIMEOUT).build(), "ops.kim", Roles.OPS);
        assertThat(send(browser, request("GET", TASKLIST_API, null).build()).statusCode()).isEqualTo(200);
        // the cookie carries the session's id in Base64 (Spring Session's DefaultCookieSerializer)
        String sessionId = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("CONSILIUM_ENGINE_SESSION")).findFirst()
                .map(cookie -> new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no session cookie: " + cookies.getCookieStore().getCookies()));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class, sessionId))
                .isEqualTo(1);
        jdbc.update("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?", sessionId);
        assertProblem(send(browser, request("GET", TASKLIST_API, null).build()), 401, "urn:consilium:problem:unauthorized");
    }

    /** The browser login: bpmn's redirect to the provider, the user approves, the callback with code and state. */
    private HttpClient signIn(String username, String role) {
        return signIn(browser(), username, role);
    }

    private HttpClient signIn(HttpClient browser, String username, String role) {
        URI authorize = startLogin(browser);
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        String code = TestIdentity.approve(username, decoded(query.getFirst("nonce")), role);
        HttpResponse<String> callback = send(browser, HttpRequest.newBuilder(URI.create(
                decoded(query.getFirst("redirect_uri")) + "?code=" + code + "&state=" + query.getFirst("state"))).GET().build());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(location(callback).getPath()).isEqualTo(TASKLIST);
        return browser;
    }

    /** A page as the browser shows it: bpmn's own redirects followed (Camunda adds the engine name). */
    private HttpResponse<String> open(HttpClient browser, String path) {
        HttpResponse<String> response = send(browser, page(path));
        for (int hops = 0; hops < 5 && response.statusCode() == 302
                && location(response).getPort() == port && location(response).getPath().startsWith("/camunda/"); hops++) {
            response = send(browser, page(location(response).toString()));
        }
        return response;
    }

    /** Every redirect followed, to whichever host and port it points, as a browser does. */
    private HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = send(browser, page(location(response).toString()));
        }
        return response;
    }

    /** Camunda's view of the session's user: id and the apps its groups may use. */
    private JsonNode whoAmI(HttpClient browser) throws Exception {
        HttpResponse<String> me = send(browser, request("GET", WHO_AM_I, null).build());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("userId");
        return JSON.readTree(me.body());
    }

    private URI startLogin(HttpClient browser) {
        HttpResponse<String> first = send(browser, page(TASKLIST));
        return location(send(browser, page(location(first).toString())));
    }

    private HttpRequest page(String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : url(pathOrUrl);
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build();
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return response.uri().resolve(location);
    }

    private static String decoded(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
