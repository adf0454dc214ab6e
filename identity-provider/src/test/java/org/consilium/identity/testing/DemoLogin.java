package org.consilium.identity.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo user in the way a browser would, for system tests: the authorization-code flow with PKCE against
 * a running provider, over plain HTTP. GET /oauth2/authorize, to the login form (with its CSRF token), POST
 * /login, follow the redirects to the client's redirect URI and take the code from it, POST /oauth2/token.
 * Nothing is mocked, so a test that gets a token has proved the provider's login works too.
 * <p>Uses only the JDK, so e2e can use it without Spring on its class path. Each call is a fresh browser: new
 * cookies, new PKCE verifier.
 */
public final class DemoLogin {

    public static final String WEB_CLIENT = "consilium-web";
    /** The provider's default demo password; a stack started with DEMO_PASSWORD uses that instead. */
    public static final String DEFAULT_PASSWORD = "consilium-demo";
    /**
     * A registered redirect URI. The flow stops at it (nothing needs to listen there): a loopback IP, which the
     * provider accepts on any port, so it fits a stack with any port offset.
     */
    public static final String REDIRECT_URI = "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\">([^<]*)<");
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int MAX_REDIRECTS = 10;

    private final URI provider;
    private final SecureRandom random = new SecureRandom();

    /** @param provider the provider's base URL, e.g. {@code http://localhost:9000} */
    public DemoLogin(URI provider) {
        this.provider = provider;
    }

    /** An access token for the user, with the password from DEMO_PASSWORD or the provider's default. */
    public String accessToken(String username) {
        return accessToken(username, demoPassword());
    }

    public String accessToken(String username, String password) {
        return login(username, password).accessToken();
    }

    /** The whole token response (access and ID token) for the user. */
    public TokenResponse login(String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TokenEndpoint.TIMEOUT)
                .build();
        String verifier = verifier();
        String state = randomToken(16);

        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", WEB_CLIENT);
        authorize.put("redirect_uri", REDIRECT_URI);
        authorize.put("scope", "openid profile email");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        URI authorizeUri = provider.resolve("/oauth2/authorize?" + TokenEndpoint.form(authorize));

        // not signed in yet: the provider sends the browser to its login form
        HttpResponse<String> toLogin = get(browser, authorizeUri);
        URI loginPage = redirectTarget(toLogin, authorizeUri)
                .orElseThrow(() -> new LoginRefused("GET /oauth2/authorize did not redirect to a login page but answered "
                        + toLogin.statusCode() + ": " + toLogin.body()));
        HttpResponse<String> form = get(browser, loginPage);
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new LoginRefused("No login form with a CSRF token at " + loginPage + " (" + form.statusCode() + ")");
        }

        HttpResponse<String> afterLogin = TokenEndpoint.send(browser, TokenEndpoint.post(loginPage,
                        Map.of("username", username, "password", password, "_csrf", csrf.group(1)))
                .header("Accept", "text/html").build());
        String code = followToCode(browser, afterLogin, loginPage, state);

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("client_id", WEB_CLIENT);
        exchange.put("code_verifier", verifier);
        return TokenEndpoint.exchange(browser, TokenEndpoint.post(provider.resolve("/oauth2/token"), exchange).build());
    }

    /** From the login's answer, redirect by redirect, until one points at the client's redirect URI. */
    private static String followToCode(HttpClient browser, HttpResponse<String> response, URI from, String state) {
        HttpResponse<String> current = response;
        URI currentUri = from;
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            Optional<URI> next = redirectTarget(current, currentUri);
            if (next.isEmpty() && current.statusCode() == TOO_MANY_REQUESTS) {
                // too many wrong passwords from here for this name: the provider says how long to wait
                Matcher reason = ALERT.matcher(current.body());
                throw new LoginRefused("Login refused: " + (reason.find() ? reason.group(1) : "too many tries")
                        + " (Retry-After " + current.headers().firstValue("Retry-After").orElse("?") + ")");
            }
            if (next.isEmpty()) {
                throw new LoginRefused("The sign-in stopped at " + currentUri + " with " + current.statusCode()
                        + " instead of reaching " + REDIRECT_URI);
            }
            URI target = next.get();
            if (target.toString().startsWith(REDIRECT_URI)) {
                return code(target, state);
            }
            if (target.getPath() != null && target.getPath().equals("/login") && target.getQuery() != null
                    && target.getQuery().contains("error")) {
                throw new LoginRefused("Login refused (bad credentials?)");
            }
            currentUri = target;
            current = get(browser, target);
        }
        throw new LoginRefused("More than " + MAX_REDIRECTS + " redirects after the login");
    }

    private static String code(URI redirect, String state) {
        String query = redirect.getRawQuery() == null ? "" : "?" + redirect.getRawQuery();
        if (query.contains("error=")) {
            throw new LoginRefused("The provider refused the authorization: " + redirect);
        }
        if (!query.contains("state=" + state)) {
            throw new LoginRefused("The redirect carries another state than the request's: " + redirect);
        }
        Matcher code = CODE.matcher(query);
        if (!code.find()) {
            throw new LoginRefused("No code in " + redirect);
        }
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) {
        return TokenEndpoint.send(browser, HttpRequest.newBuilder(uri)
                .timeout(TokenEndpoint.TIMEOUT)
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    private static Optional<URI> redirectTarget(HttpResponse<String> response, URI from) {
        int status = response.statusCode();
        if (status < 300 || status >= 400) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(from::resolve);
    }

    private String verifier() {
        return randomToken(32);
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String demoPassword() {
        String fromEnvironment = System.getenv("DEMO_PASSWORD");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_PASSWORD : fromEnvironment;
    }
}
