package org.consilium.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.consilium.identity.testing.DemoLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every console browser test does the same way: Debian's headless Chromium driven by Playwright, people signing
 * in at the stack's identity provider as they would, and each main page's screenshot with axe-core's WCAG 2.1 A/AA
 * check of it (no serious or critical violation).
 */
final class ConsoleBrowser {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CONSILIUM_CHROMIUM", "/usr/bin/chromium"));
    static final Path SHOTS = Path.of("target/console-screenshots");
    /**
     * How long a step may take before the test gives up: sign-in crosses four JVMs that share two cores with the
     * rest of the stack (and CI's other builds); a bound, not a measurement.
     */
    static final double PATIENCE_MS = Duration.ofSeconds(90).toMillis();

    private ConsoleBrowser() {
    }

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    static Playwright playwright() {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser chromium(Playwright playwright) {
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
        page.locator("button[type=submit]").click();
    }

    /** A screenshot of the page, and axe-core's WCAG 2.1 A/AA check of it: no serious or critical violation. */
    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
        AxeResults axe = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        assertThat(axe.getPasses()).as(name + ": axe-core ran its rules on the page").isNotEmpty();
        assertThat(axe.getViolations()).filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .as(name + ": axe-core's serious and critical WCAG 2.1 AA violations")
                .extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList())
                .isEmpty();
    }

    static String password() {
        String fromEnvironment = System.getenv("DEMO_PASSWORD");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DemoLogin.DEFAULT_PASSWORD : fromEnvironment;
    }
}
