package org.consilium.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's headless Chromium driven by Playwright) against the whole running stack:
 * the coordinator signs in at the identity provider, finds a case the referrer just submitted on the worklist, claims
 * its task, opens the case, reads the list at 360 px, and signs out of the console and the provider. Screenshots of
 * each page go to {@code target/console-screenshots/}.
 * <p>
 * Where no Chromium is installed (.ci/run installs Debian's {@code chromium}), the tests are skipped and say so.
 */
class ConsoleBrowserTest extends ConsoleBrowserTests {
    private static final Path SHOTS = ConsoleBrowser.SHOTS;

    @Test
    void aCoordinatorSignsInFindsASubmittedCaseClaimsItsTaskAndSignsOutOfTheProviderToo() {
        String caseId = CaseDriver.submitLungCase("console-" + UUID.randomUUID() + "@example.org");
        // another patient's case beside it, so the list is a list
        CaseDriver.submitLungCase("console-" + UUID.randomUUID() + "@example.org", "Mei Ling Tan", "SG",
                "[\"zh\", \"en\"]", "Asia/Singapore");
        await("the Review intake task").atMost(Duration.ofSeconds(60))
                .until(() -> CaseDriver.openTasks(caseId), tasks -> tasks.contains("Review intake"));

        try (BrowserContext context = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = context.newPage();
            AtomicLong consoleBytes = weigh(page);
            signIn(page, RunningStack.url(8090, "/worklist"), DemoUsers.COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/worklist"));

            Locator row = page.locator("tr[data-case='" + caseId + "']");
            assertThat(row).containsText("Review intake");
            assertThat(row).containsText("Budi Santoso");
            assertThat(row).containsText("Should I have chemotherapy or immunotherapy before the operation instead?");
            assertThat(row.locator("td[data-label=Assignee]")).hasText("nobody");
            shot(page, "worklist.png");
            // the keyboard's first stop is the way past the header, and it shows where it is
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Skip to the content");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("keyboard-skip-link.png")));
            // a number to read, not to assert (benchmarks print, tests check behaviour)
            System.out.printf("console worklist page weight: %d bytes over the wire from the console, sign-in redirects,"
                    + " HTML, CSS and htmx included%n", consoleBytes.get());

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim Review intake for Budi Santoso")).click();
            assertThat(row.locator("td[data-label=Assignee]")).hasText(DemoUsers.COORDINATOR);
            assertThat(Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId)).raw())
                    .contains("\"assignee\":\"" + DemoUsers.COORDINATOR + "\"");
            shot(page, "worklist-claimed.png");

            page.getByLabel("Only tasks I have claimed").check();
            assertThat(row).containsText("Review intake");
            page.waitForURL(Pattern.compile(".*mine=true.*"));

            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Review intake").setExact(true)).click();
            page.waitForURL(RunningStack.url(8090, "/cases/" + caseId));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Budi Santoso");
            assertThat(page.locator("article[data-task]")).containsText("Review intake");
            shot(page, "case.png");

            // a case that does not exist: intake's refusal, in its words, with its status
            com.microsoft.playwright.Response missing = page.navigate(RunningStack.url(8090, "/cases/case-that-does-not-exist"));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).not().isEmpty();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
            shot(page, "case-not-found.png");

            page.setViewportSize(360, 800);
            page.navigate(RunningStack.url(8090, "/worklist"));
            assertThat(page.locator("tr[data-case='" + caseId + "']")).containsText("Budi Santoso");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            shot(page, "worklist-360px.png");
            page.setViewportSize(1280, 900);

            onlyAnHttpOnlySessionCookieHoldsTheSignIn(context);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(RunningStack.url(8090, "/signed-out"));
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("You are signed out");
            shot(page, "signed-out.png");
            // the provider's session ended too: the console sends the browser to the login form again
            page.navigate(RunningStack.url(8090, "/worklist"));
            page.waitForURL(Pattern.compile(Pattern.quote(RunningStack.url(9000, "/login")) + ".*"));
        }
    }

    /**
     * Issue 13: the coordinator completes the case's tasks in the console, each with its own form and the context its
     * decision needs: Review intake (a decline without its reason is refused next to the reason; then accepted), and,
     * once the patient's records are in, Verify dossier with the checklist in view. The panel acts over its API; the
     * report then waits on the worklist, where the coordinator approves and releases it; the case is delivered.
     */
    @Test
    void aCoordinatorCompletesReviewIntakeAndVerifyDossierInTheConsoleAndTheCaseMovesOn() {
        String caseId = CaseDriver.submitLungCase("forms-" + UUID.randomUUID() + "@example.org");
        await("the Review intake task").atMost(Duration.ofSeconds(60))
                .until(() -> CaseDriver.openTasks(caseId), tasks -> tasks.contains("Review intake"));

        try (BrowserContext context = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = context.newPage();
            AtomicLong consoleBytes = weigh(page);
            signIn(page, RunningStack.url(8090, "/worklist"), DemoUsers.COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/worklist"));
            consoleBytes.set(0);
            page.locator("tr[data-case='" + caseId + "']").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Open task Review intake for Budi Santoso")).click();
            page.waitForURL(Pattern.compile(Pattern.quote(RunningStack.url(8090, "/cases/" + caseId)) + "#task-.*"));

            // the form, and what the decision needs beside it: the request from intake, the triage from the engine
            Locator review = task(page, "Review intake");
            assertThat(review).containsText("Should I have chemotherapy or immunotherapy before the operation instead?");
            assertThat(review).containsText("Lobectomy then adjuvant chemotherapy");
            assertThat(review).containsText("adenocarcinoma");
            assertThat(review.locator("dl").filter(new Locator.FilterOptions().setHasText("Urgency (triage)"))).containsText("Urgent");
            assertThat(review.getByLabel("Reason if declined")).not().isVisible();
            shot(page, "task-review-intake.png");
            System.out.printf("console case page with its task form, opened from the worklist: %d bytes over the wire from"
                    + " the console (what the browser did not take from its cache)%n", consoleBytes.get());

            // another coordinator claimed it meanwhile (over the engine's API): the desk refuses to complete it for them
            String taskId = review.getAttribute("data-task");
            Http.Response claimed = Http.post(RunningStack.url(8080, "/engine-rest/task/" + taskId + "/claim"),
                    Map.of("userId", "sam.other"));
            assertThat(claimed.status()).as(claimed.raw()).isEqualTo(204);
            page.reload();
            review = task(page, "Review intake");
            assertThat(review).containsText("Claimed by sam.other");
            review.getByLabel("Accept the case").check();
            review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete “Review intake”")).click();
            review = task(page, "Review intake");
            assertThat(review.getByRole(AriaRole.ALERT)).containsText("Claimed by someone else");
            assertThat(review.getByLabel("Accept the case")).isChecked();
            assertThat(CaseDriver.openTasks(caseId)).as("the task stays open").contains("Review intake");
            shot(page, "task-claimed-by-someone-else.png");
            // sam is away: the desk unclaims it, and goes on
            review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unclaim Review intake for Budi Santoso")).click();
            assertThat(task(page, "Review intake").locator("[data-assignee]")).hasText("nobody");
            review = task(page, "Review intake");

            // declined without a reason: the engine refuses, and the page says so next to the reason, keeping the choice
            review.getByLabel("Decline it (out of scope)").check();
            assertThat(review.getByLabel("Reason if declined")).isVisible();
            review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete “Review intake”")).click();
            review = task(page, "Review intake");
            Locator reason = review.getByLabel("Reason if declined");
            assertThat(reason).hasAttribute("aria-invalid", "true");
            Locator error = review.locator(".revealed .field-error");
            assertThat(error).hasText("Required when you choose “Decline it (out of scope)”: write it here.");
            assertThat(reason).hasAttribute("aria-describedby", Pattern.compile(".*" + error.getAttribute("id") + ".*"));
            assertThat(review.getByLabel("Decline it (out of scope)")).isChecked();
            assertThat(review.getByRole(AriaRole.ALERT)).containsText("Not completed");
            assertThat(CaseDriver.openTasks(caseId)).as("the task stays open").contains("Review intake");
            shot(page, "task-refused.png");

            review.getByLabel("Accept the case").check();
            review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete “Review intake”")).click();
            page.waitForURL(Pattern.compile(".*/cases/" + caseId + "\\?done=.*"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("“Review intake” is completed");
            // completed with the coordinator's own token, claimed for her on the way (the engine's history says who)
            assertThat(Http.get(RunningStack.url(8080, "/engine-rest/history/task?taskDefinitionKey=ReviewIntake"
                    + "&processInstanceBusinessKey=" + caseId)).raw()).contains("\"assignee\":\"" + DemoUsers.COORDINATOR + "\"");
            page.navigate(RunningStack.url(8090, "/worklist"));
            assertThat(page.locator("tr[data-case='" + caseId + "']")).hasCount(0);

            // the patient's records arrive (over the API, as an upload would); the dossier is the coordinator's to verify
            CaseDriver.requiredItems(CaseDriver.awaitChecklist(caseId)).forEach(item -> CaseDriver.upload(caseId, item));
            await("the Verify dossier task").atMost(Duration.ofSeconds(90))
                    .until(() -> CaseDriver.openTasks(caseId), tasks -> tasks.contains("Verify dossier"));
            page.navigate(RunningStack.url(8090, "/cases/" + caseId));
            Locator verify = task(page, "Verify dossier");
            Locator pathology = verify.locator("table.checklist tr[data-item='pathology-report']");
            assertThat(pathology).containsText("Received");
            assertThat(pathology).containsText("days old");
            assertThat(verify.locator(".checklist-summary")).containsText("Complete");
            shot(page, "task-verify-dossier.png");
            page.setViewportSize(360, 800);
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            shot(page, "task-verify-dossier-360px.png");
            page.setViewportSize(1280, 900);

            verify.getByLabel("Verified: complete, or overridden with the note below").check();
            verify.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).fill("Every core record present and recent.");
            verify.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete “Verify dossier”")).click();
            page.waitForURL(Pattern.compile(".*/cases/" + caseId + "\\?done=.*"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("“Verify dossier” is completed");

            // the panel concludes (its members over mdt-scheduler's API); the report waits on the worklist for the
            // coordinator's QA: approve, then release, each a button on its row
            CaseDriver.panelConcludes(caseId);
            Locator report = page.locator("tr[data-report-case='" + caseId + "']");
            await("the report on the worklist").atMost(Duration.ofSeconds(90)).until(() -> {
                page.navigate(RunningStack.url(8090, "/worklist"));
                return report.count() == 1;
            });
            assertThat(report).containsText("waits for approval");
            shot(page, "worklist-report-desk.png");
            report.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Approve version 1 of the report for Budi Santoso")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("the report of Budi Santoso is approved");
            report.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Release version 1 of the report for Budi Santoso")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("the report of Budi Santoso is released");
            await("the report delivered").atMost(Duration.ofSeconds(120)).until(() -> CaseDriver.stage(caseId),
                    "REPORT_DELIVERED"::equals);
            page.navigate(RunningStack.url(8090, "/cases/" + caseId));
            assertThat(page.locator("#case-heading + dl")).containsText("Report delivered");
            shot(page, "case-delivered.png");
        }
    }

    /** One open task's card on the case page, by the task's name. */
    private static Locator task(Page page, String name) {
        return page.locator("article[data-task]").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true))));
    }

    @Test
    void aPatientSignedInIsShownWhatIsMissingNotTheDesk() {
        try (BrowserContext context = patient(browser.newContext())) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/worklist"), "pat.lee");
            page.waitForURL(RunningStack.url(8090, "/worklist"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("This page is for coordinators");
            assertThat(page.locator("main")).containsText("signed in as pat.lee (roles: patient)");
            shot(page, "refused-patient.png");
        }
    }

    private static BrowserContext patient(BrowserContext context) {
        return ConsoleBrowser.patient(context);
    }

    /** The provider's login form, as a person fills it in. */
    private static void signIn(Page page, String url, String username) {
        ConsoleBrowser.signIn(page, url, username);
    }

    /** Tokens stay on the server (ADR 16): the browser has one session cookie, HttpOnly and SameSite, and no token. */
    private static void onlyAnHttpOnlySessionCookieHoldsTheSignIn(BrowserContext context) {
        List<Cookie> cookies = context.cookies(RunningStack.url(8090, "/"));
        assertThat(cookies).extracting(cookie -> cookie.name).contains("CONSILIUM_CONSOLE_SESSION");
        Cookie session = cookies.stream().filter(cookie -> cookie.name.equals("CONSILIUM_CONSOLE_SESSION")).findFirst().orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie.value).doesNotStartWith("eyJ"));
    }

    /** Bytes the console itself sent for this page over the wire (its HTML, stylesheet and htmx; headers included). */
    private static AtomicLong weigh(Page page) {
        AtomicLong bytes = new AtomicLong();
        page.onRequestFinished(request -> {
            if (request.url().startsWith(RunningStack.url(8090, "/"))) {
                bytes.addAndGet(request.sizes().responseBodySize + request.sizes().responseHeadersSize);
            }
        });
        return bytes;
    }

    /** A screenshot of the page, and axe-core's WCAG 2.1 A/AA check of it: no serious or critical violation. */
    private static void shot(Page page, String name) {
        ConsoleBrowser.shot(page, name);
    }

    private static String password() {
        return ConsoleBrowser.password();
    }
}
