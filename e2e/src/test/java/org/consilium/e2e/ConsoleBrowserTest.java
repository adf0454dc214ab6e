package org.consilium.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.e2e.ConsoleBrowser.SHOTS;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;
import static org.consilium.e2e.ConsoleBrowser.task;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's headless Chromium driven by Playwright) against the whole running stack:
 * the coordinator signs in at the identity provider, finds a case the referrer just submitted on the worklist, claims
 * its task, opens the case, reads the list at 360 px, and signs out of the console and the provider. Screenshots of
 * each page go to {@code target/console-screenshots/}.
 * <p>
 * Where no Chromium is installed (.ci/run installs Debian's {@code chromium}), the tests are skipped and say so.
 */
// checked before the shared stack starts, so a machine without a browser does not start six JVMs for nothing
@EnabledIf(value = "org.consilium.e2e.ConsoleBrowser#chromiumInstalled", disabledReason = "SKIPPED (assumption): no Chromium at /usr/bin/chromium or "
        + "$CONSILIUM_CHROMIUM; install Debian's chromium (.ci/run does) to run the console's browser tests")
@ExtendWith({SharedStack.class, ConsoleBrowser.class})
class ConsoleBrowserTest {
    private static Browser browser;

    @BeforeAll
    static void chromium() {
        browser = ConsoleBrowser.browser();
    }

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
     * report then waits on the worklist, whose row leads to its text: approved, then released, each confirmed on a page
     * that shows the version; the case is delivered.
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
            // Post/Redirect/Get: the browser is on the case page's own address, not the form's POST address
            assertThat(page.url()).startsWith(RunningStack.url(8090, "/cases/" + caseId + "?attempt=")).doesNotContain("/complete");
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

            // the patient's records arrive (over the API, as an upload would), all but two: the coordinator waives one
            // and sends the other from the case page, on the patient's behalf; the dossier is then hers to verify
            List<String> required = CaseDriver.requiredItems(CaseDriver.awaitChecklist(caseId));
            List<String> ours = required.stream().filter(item -> !item.equals("pathology-report")).toList();
            String waived = ours.get(ours.size() - 1);
            String sent = ours.get(ours.size() - 2);
            required.stream().filter(item -> !item.equals(waived) && !item.equals(sent)).forEach(item -> CaseDriver.upload(caseId, item));
            page.navigate(RunningStack.url(8090, "/cases/" + caseId + "#records"));
            coordinatorWorksTheRecords(page, caseId, waived, sent);
            coordinatorMakesAndRevokesAnUploadLink(page, caseId);

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

            // the panel mdt-scheduler composed: each member with why they were chosen, no opinion in yet; the agenda
            Locator members = page.locator("#panel table.members tr[data-seat]");
            await("the panel on the case page").atMost(Duration.ofSeconds(90)).until(() -> {
                page.navigate(RunningStack.url(8090, "/cases/" + caseId + "#panel"));
                return members.count() > 0;
            });
            assertThat(page.locator("#panel .panel-status")).containsText("0 of " + members.count() + " opinions are in");
            assertThat(members.first().locator("td[data-label='Why chosen']")).not().isEmpty();
            page.locator("#panel").scrollIntoViewIfNeeded();
            shot(page, "case-panel.png");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The session's agenda")).click();
            assertThat(page.locator("tr[data-case='" + caseId + "']")).containsText("this case");
            shot(page, "case-agenda.png");

            // the panel concludes (its members over mdt-scheduler's API); the report waits on the worklist for the
            // coordinator's QA; its row leads to the text (no blind release): approve, then release, each confirmed on a
            // page that shows the version it acts on (ReportQaBrowserTest reads, edits and compares versions)
            CaseDriver.panelConcludes(caseId);
            Locator report = page.locator("tr[data-report-case='" + caseId + "']");
            await("the report on the worklist").atMost(Duration.ofSeconds(90)).until(() -> {
                page.navigate(RunningStack.url(8090, "/worklist"));
                return report.count() == 1;
            });
            assertThat(report).containsText("waits for approval");
            shot(page, "worklist-report-desk.png");
            report.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Read and approve version 1 of the report for Budi Santoso")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Approve version 1 of the report?");
            assertThat(page.locator("main")).containsText("Neoadjuvant chemo-immunotherapy before lobectomy");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve version 1")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Version 1 of the report is approved");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read and release version 1")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release version 1 to the patient")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Version 1 of the report is released");
            await("the report delivered").atMost(Duration.ofSeconds(120)).until(() -> CaseDriver.stage(caseId),
                    "REPORT_DELIVERED"::equals);
            page.navigate(RunningStack.url(8090, "/cases/" + caseId));
            assertThat(page.locator("#case-heading + dl")).containsText("Report delivered");
            shot(page, "case-delivered.png");
        }
    }

    /**
     * The case page's records (issue 13): a PDF shown in the page, an item waived with a reason (first refused
     * without one by records, the page keeping the form open), a file sent for another on the patient's behalf
     * through the same resumable upload as the patient's page; the checklist then complete.
     */
    private static void coordinatorWorksTheRecords(Page page, String caseId, String waived, String sent) {
        Locator records = page.locator("#records");
        Locator pathology = records.locator("li.item[data-item='pathology-report']");
        assertThat(pathology.locator(".item-state")).containsText("Received");
        // the PDF in the page, served by the console with the coordinator's token, opened only when asked
        Response pdf = page.waitForResponse(response -> response.url().contains("/cases/" + caseId + "/documents/"),
                () -> pathology.locator("details.document summary").first().click());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headerValue("content-type")).isEqualTo("application/pdf");
        assertThat(pdf.headerValue("content-disposition")).startsWith("inline");
        assertThat(pathology.locator("iframe.document-frame").first()).isVisible();
        pathology.locator("iframe.document-frame").first().scrollIntoViewIfNeeded();
        page.waitForTimeout(1500); // the browser's PDF viewer draws the page after the frame's load
        shot(page, "case-records.png");

        // waived, with a reason
        Locator item = records.locator("li.item[data-item='" + waived + "']");
        // with the keyboard, as a coordinator may: Enter on the summary opens the form
        item.locator("details.waive summary").press("Enter");
        assertThat(item.locator("details.waive")).hasAttribute("open", "");
        item.getByLabel("Why the panel can do without it").fill("Not done at the treating hospital; the panel decides without it.");
        item.locator("details.waive button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/" + caseId + "\\?records=.*"));
        assertThat(page.locator("#records .confirm")).containsText("is waived");
        item = page.locator("#records li.item[data-item='" + waived + "']");
        assertThat(item.locator(".item-state")).containsText("Waived");
        assertThat(item.locator(".item-state")).containsText("Not done at the treating hospital");
        assertThat(item.locator("details.waive")).hasCount(0);

        // sent on the patient's behalf: the patient's script, the coordinator's door and token
        Locator other = page.locator("#records li.item[data-item='" + sent + "']");
        other.locator("input.files").setInputFiles(new FilePayload(sent + ".pdf", "application/pdf", readablePdf(sent)));
        assertThat(other.locator("li.file .file-state")).hasText("Received");
        assertThat(other.locator(".item-state")).containsText("Received");
        shot(page, "case-records-uploaded.png");
        CaseDriver.awaitRecordsComplete(caseId);
        JsonNode document = StreamSupport.stream(Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body()
                        .path("items").spliterator(), false).filter(i -> i.path("code").asText().equals(sent)).findFirst()
                .orElseThrow().path("documents").path(0);
        assertThat(document.path("uploadedBy").asText()).as("records names who sent it").isEqualTo(DemoUsers.COORDINATOR);

        page.reload();
        Locator received = page.locator("#records li.item[data-item='" + sent + "']");
        received.locator("details.document summary").first().press("Enter");
        assertThat(received.locator("iframe.document-frame").first()).isVisible();
        received.locator("iframe.document-frame").first().scrollIntoViewIfNeeded();
        page.waitForTimeout(1000); // the viewer draws the page after the frame's load
        shot(page, "case-records-complete.png");
        page.setViewportSize(360, 800);
        assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
        shot(page, "case-records-360px.png");
        page.setViewportSize(1280, 900);
    }

    /** A signed upload link for the treating doctor: made, its address shown once, its page open; revoked, it is closed. */
    private static void coordinatorMakesAndRevokesAnUploadLink(Page page, String caseId) {
        page.navigate(RunningStack.url(8090, "/cases/" + caseId + "#upload-links"));
        Locator links = page.locator("#upload-links");
        links.getByLabel("Who it is for").fill("Dr Hartono, RS Kanker Dharmais");
        links.getByLabel("It works for").selectOption("P3D");
        links.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make a link")).click();
        page.waitForURL(Pattern.compile(".*/cases/" + caseId + "\\?issued=.*"));
        Locator address = page.getByLabel("The new link");
        // (a Java Pattern.quote, \\Q…\\E, means nothing to the browser's regular expressions: compared here)
        String link = address.inputValue();
        assertThat(link).startsWith(RunningStack.url(8090, "/upload/")).hasSizeGreaterThan(RunningStack.url(8090, "/upload/").length());
        assertThat(page.url()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        shot(page, "case-upload-link.png");
        assertThat(Http.get(link).status()).as("the doctor's page opens with the link").isEqualTo(200);

        page.reload();
        assertThat(page.getByLabel("The new link")).hasCount(0);
        Locator row = page.locator("#upload-links tr").filter(new Locator.FilterOptions().setHasText("Dr Hartono"));
        assertThat(row).containsText("Active");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke the link for Dr Hartono, RS Kanker Dharmais")).click();
        page.waitForURL(Pattern.compile(".*/cases/" + caseId + "\\?links=.*"));
        assertThat(page.locator("#upload-links .confirm")).containsText("is revoked");
        assertThat(page.locator("#upload-links tr").filter(new Locator.FilterOptions().setHasText("Dr Hartono"))).containsText("Revoked");
        assertThat(Http.get(link).status()).as("a revoked link's page is closed").isEqualTo(410);
        shot(page, "case-upload-link-revoked.png");
    }

    /** A one-page PDF that says what it is, so the screenshot shows the viewer drawing it. */
    private static byte[] readablePdf(String item) {
        String text = "BT /F1 28 Tf 72 700 Td (Consilium sample record) Tj 0 -40 Td /F1 18 Tf (" + item + ") Tj ET";
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj\n"
                + "4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
                + "5 0 obj<</Length " + text.length() + ">>stream\n" + text + "\nendstream\nendobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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

}
