package org.consilium.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.consilium.identity.testing.DemoLogin;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's browser tests share: Debian's headless Chromium driven by Playwright (one for the whole run,
 * closed when it ends: {@code @ExtendWith(ConsoleBrowser.class)}, then {@link #browser()}), the identity provider's
 * login form filled in as a person does, and a screenshot of each page checked by axe-core. Test classes guard
 * themselves with {@code @EnabledIf("org.consilium.e2e.ConsoleBrowser#chromiumInstalled")}.
 */
final class ConsoleBrowser implements BeforeAllCallback {
    private static volatile Running running;
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CONSILIUM_CHROMIUM", "/usr/bin/chromium"));
    static final Path SHOTS = Path.of("target/console-screenshots");
    /**
     * How long a step may take before the test gives up: sign-in crosses four JVMs that share two cores with the
     * rest of the stack (and CI's other builds); a bound, not a measurement.
     */
    static final double PATIENCE_MS = Duration.ofSeconds(90).toMillis();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(ConsoleBrowser.class.getName(),
                key -> {
                    Playwright playwright = playwright();
                    running = new Running(playwright, chromium(playwright));
                    return running;
                });
    }

    /** The run's Chromium: each test opens its own context (cookies, session) in it. */
    static Browser browser() {
        return running.browser();
    }

    /** Closed by JUnit when the root context (the whole run) ends. */
    private record Running(Playwright playwright, Browser browser) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            playwright.close();
        }
    }

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Playwright with Debian's Chromium (no browser download). */
    private static Playwright playwright() {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    private static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
    }

    static BrowserContext patient(BrowserContext context) {
        context.setDefaultTimeout(PATIENCE_MS);
        context.setDefaultNavigationTimeout(PATIENCE_MS);
        return context;
    }

    /** The provider's login form, as a person fills it in. */
    static void signIn(Page page, String url, String username) {
        page.navigate(url);
        page.waitForURL(Pattern.compile(Pattern.quote(RunningStack.url(9000, "/login")) + ".*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password());
        // every request of the sign-in, to say where it stopped if it does (once seen on CI: the click never ended)
        List<String> seen = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        java.util.function.Function<String, String> at = what -> (System.nanoTime() - start) / 1_000_000 + " ms " + what;
        Consumer<Request> asked = request -> seen.add(at.apply("-> " + request.method() + " " + request.url()));
        Consumer<Response> answered = response -> seen.add(at.apply("<- " + response.status() + " " + response.url()));
        Consumer<Request> failed = request -> seen.add(at.apply("!! " + request.failure() + " " + request.url()));
        page.onRequest(asked);
        page.onResponse(answered);
        page.onRequestFailed(failed);
        try {
            // Not Playwright's wait for "scheduled navigations" after a click: on CI that wait once never ended while
            // the sign-in's redirects (provider, console callback, page) went on. The test waits, as a person does,
            // until the browser has left the provider's pages; each caller then waits for the page it expects.
            page.locator("button[type=submit]").click(new Locator.ClickOptions().setNoWaitAfter(true));
            String provider = RunningStack.url(9000, "/");
            page.waitForURL(address -> !address.startsWith(provider));
            if (page.url().contains("/sign-in-failed")) {
                // the console's callback did not finish in its bound (console SignInCallbackBound): the page says so
                // and offers to sign in again, which a person does; said here, so a run shows how often it happens
                System.out.println("sign-in of " + username + " landed on " + page.url() + "; signing in again as the "
                        + "page offers. Its requests:\n  " + String.join("\n  ", seen));
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in again"))
                        .click(new Locator.ClickOptions().setNoWaitAfter(true));
                page.waitForURL(address -> !address.startsWith(provider) && !address.contains("/sign-in-failed"));
            }
        } catch (PlaywrightException stopped) {
            System.out.println("sign-in of " + username + " stopped; its requests:\n  " + String.join("\n  ", seen));
            throw stopped;
        } finally {
            page.offRequest(asked);
            page.offResponse(answered);
            page.offRequestFailed(failed);
        }
    }

    /** One open task's card on the case page, by the task's name. */
    static Locator task(Page page, String name) {
        return page.locator("article[data-task]").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true))));
    }

    /** Issue 14: what a patient's page may cost over a slow mobile link, once the first page brought the shared files. */
    static final long LIGHT_PAGE_BYTES = 300 * 1024;

    /**
     * The bytes the page took over the wire: its document and everything it fetched since, as the browser's Resource
     * Timing counts them ({@code transferSize}: headers and the body as sent, compressed; 0 for what the cache served).
     */
    static long transferred(Page page) {
        return ((Number) page.evaluate("() => performance.getEntries().filter(e => typeof e.transferSize === 'number')"
                + ".reduce((sum, e) => sum + e.transferSize, 0)")).longValue();
    }

    /** A page read on a phone after the first: under {@link #LIGHT_PAGE_BYTES} over the wire; then {@link #shot}. */
    static void lightShot(Page page, String name) {
        long bytes = transferred(page);
        assertThat(bytes).as(name + ": bytes over the wire (after the first page)").isLessThan(LIGHT_PAGE_BYTES);
        shot(page, name);
    }

    /**
     * A screenshot of the page, and axe-core's WCAG 2.1 A/AA check of it: no serious or critical violation. What the
     * page took over the wire is written beside the screenshots ({@code transfer.tsv}), for the record.
     */
    static void shot(Page page, String name) {
        record(name, transferred(page));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
        AxeResults axe = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        assertThat(axe.getPasses()).as(name + ": axe-core ran its rules on the page").isNotEmpty();
        assertThat(axe.getViolations()).filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .as(name + ": axe-core's serious and critical WCAG 2.1 AA violations")
                .extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList())
                .isEmpty();
    }

    private static synchronized void record(String name, long bytes) {
        try {
            Files.createDirectories(SHOTS);
            Files.writeString(SHOTS.resolve("transfer.tsv"), name + "\t" + bytes + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String password() {
        String fromEnvironment = System.getenv("DEMO_PASSWORD");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DemoLogin.DEFAULT_PASSWORD : fromEnvironment;
    }
}
