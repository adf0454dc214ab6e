package org.consilium.e2e;

import org.consilium.identity.testing.DemoLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit and Tasklist at the URLs the README gives, {@code http://localhost:<8080+offset>/camunda/...}, signed in
 * the whole way as a browser does it: the engine sends the browser to the stack's identity provider, also on
 * {@code localhost} (another port), whose login form takes the password; the provider's authorize endpoint sends it
 * back to the engine's callback, and on to the webapp. The client keeps its cookies per host as a browser does,
 * ports ignored, so the two apps' session cookies must not share a name (issue 11: the callback failed with 401).
 */
@ExtendWith(SharedStack.class)
class WebappSignInTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aCoordinatorSignsInToTasklistAtLocalhost() {
        aCoordinatorSignsInToTasklist(new Browser(false));
    }

    /**
     * The coordinator's sign-in to Tasklist, then Camunda's view of her session. With a browser on fresh connections,
     * every request reaches the stack's proxy anew, which hands it to the next engine node ({@code ScaleOutTest}): the
     * login's state and then the session must be in the engine's database, not one node's memory (ADR 31).
     */
    static void aCoordinatorSignsInToTasklist(Browser browser) {
        String tasklist = RunningStack.url(8080, "/camunda/app/tasklist/");

        HttpResponse<String> form = follow(browser, get(browser, URI.create(tasklist)));
        assertThat(form.uri().getHost()).as("the provider, on the engine's host").isEqualTo("localhost");
        assertThat(form.uri().getPort()).isEqualTo(RunningStack.port(9000));
        HttpResponse<String> app = follow(browser, signIn(browser, form, DemoUsers.COORDINATOR));

        assertThat(app.statusCode()).as(app.uri() + ": " + app.body()).isEqualTo(200);
        assertThat(app.uri().toString()).isEqualTo(tasklist + "default/");
        // Camunda's own view of the session: the user and the apps its groups may open
        for (int request = 0; request < 4; request++) {
            HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(RunningStack.url(8080,
                    "/camunda/api/admin/auth/user/default"))).timeout(TIMEOUT).header("Accept", "application/json").GET().build());
            assertThat(me.statusCode()).as("request %d after the sign-in: %s", request, me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"userId\":\"cora.nolan\"", "tasklist");
        }
    }

    @Test
    void opsSignInToCockpitAtLocalhost() {
        Browser browser = new Browser(false);
        String cockpit = RunningStack.url(8080, "/camunda/app/cockpit/");

        HttpResponse<String> form = follow(browser, get(browser, URI.create(cockpit)));
        HttpResponse<String> app = follow(browser, signIn(browser, form, DemoUsers.OPS));

        assertThat(app.statusCode()).as(app.uri() + ": " + app.body()).isEqualTo(200);
        assertThat(app.uri().toString()).isEqualTo(cockpit + "default/");
        // the page is a shell: Cockpit shows nothing but a spinner until its plugins' scripts load (a 404 there
        // went unnoticed while the page itself answered 200)
        for (String webapp : new String[] {"cockpit/plugin/cockpitPlugins", "admin/plugin/adminPlugins",
                "tasklist/plugin/tasklistPlugins"}) {
            HttpResponse<String> plugin = get(browser, URI.create(RunningStack.url(8080,
                    "/camunda/api/" + webapp + "/static/app/plugin.js?bust=7.24.0")));
            assertThat(plugin.statusCode()).as(webapp + ": " + plugin.body()).isEqualTo(200);
            assertThat(plugin.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        }
    }

    /** The provider's login form, filled in and sent with its CSRF token. */
    private static HttpResponse<String> signIn(Browser browser, HttpResponse<String> form, String username) {
        assertThat(form.statusCode()).as(form.uri() + ": " + form.body()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("a login form at " + form.uri()).isTrue();
        String body = "username=" + username + "&password=" + URLEncoder.encode(password(), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(form.uri()).timeout(TIMEOUT).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Every redirect followed, whichever host and port it points to. */
    private static HttpResponse<String> follow(Browser browser, HttpResponse<String> response) {
        for (int hops = 0; hops < 12 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(browser, response.uri().resolve(location));
        }
        return response;
    }

    private static HttpResponse<String> get(Browser browser, URI uri) {
        return browser.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build());
    }

    /**
     * A browser's cookie jar, its cookies kept per host as a browser keeps them (ports ignored). With fresh
     * connections, each request on a new TCP connection, as after the browser's keep-alive ran out.
     */
    static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final boolean freshConnections;
        private final HttpClient pooled;

        Browser(boolean freshConnections) {
            this.freshConnections = freshConnections;
            this.pooled = client();
        }

        private HttpClient client() {
            return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT).build();
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return (freshConnections ? client() : pooled).send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String password() {
        String fromEnvironment = System.getenv("DEMO_PASSWORD");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DemoLogin.DEFAULT_PASSWORD : fromEnvironment;
    }
}
