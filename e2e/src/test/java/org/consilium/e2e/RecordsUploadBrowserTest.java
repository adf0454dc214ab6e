package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.lightShot;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

/**
 * Issue 14, sending records, in a real browser against the whole stack. The patient ({@code pat.lee}, whose case a
 * referrer submitted with {@code sam.lee} as caregiver) opens the checklist in plain words and sends a large scan; the
 * connection is cut in the middle (the network goes, then comes back) and the upload goes on from what records had
 * stored, not from the start; a program and a file sent twice are refused in words, and the checklist shows what
 * arrived; a tab closed in the middle of another scan goes on from where it stopped when the page is opened again and
 * the same file chosen. The caregiver opens the same page; the page reads in Chinese and in Arabic, right to left. The treating
 * doctor, without an account, opens the upload link a coordinator made, sees only the missing items, sends a file,
 * and once the link is revoked is refused, then told the link no longer works and whom to ask.
 */
class RecordsUploadBrowserTest extends ConsoleBrowserTests {
    private static final String PATIENT = "pat.lee";
    private static final String CAREGIVER = "sam.lee";
    private static final int MIB = 1024 * 1024;

    @Test
    void aPatientSendsRecordsThroughACutAndADoctorThroughALinkUntilItIsRevoked() throws IOException {
        String caseId = CaseDriver.submitLungCaseWithCaregiver(PATIENT + "@example.org", CAREGIVER + "@example.org");
        CaseDriver.completeTask(caseId, "Review intake", Map.of("accepted", true));
        CaseDriver.awaitChecklist(caseId);
        String page = RunningStack.url(8090, "/my/cases/" + caseId + "/records");
        Path scan = largeJpeg(24 * MIB, 14);

        try (BrowserContext patientBrowser = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page records = patientBrowser.newPage();
            // what the page's script says, in the test's output (a refused upload's reason, a script error)
            records.onConsoleMessage(message -> System.out.println("browser console: " + message.text()));
            records.onPageError(error -> System.out.println("browser page error: " + error));
            records.onResponse(response -> {
                if (response.url().contains("/uploads")) {
                    System.out.println("browser: " + response.request().method() + " " + response.url() + " -> " + response.status());
                }
            });
            signIn(records, page, PATIENT);
            records.waitForURL(page);
            // records learns who the case's people are from intake's events: the page opens once it has
            await("the case is open to its patient").atMost(Duration.ofSeconds(60)).until(() -> {
                Response shown = records.navigate(page);
                return shown != null && shown.status() == 200;
            });
            Locator petCt = item(records, "pet-ct");
            assertThat(petCt).containsText("Still needed");
            assertThat(petCt.locator("details.explain")).containsText("an older scan or test may no longer show it");
            assertThat(records.locator("#summary")).containsText("Still needed");
            shot(records, "upload-checklist.png");

            // the cut: the fourth 1 MiB piece of the scan never arrives, the network goes, then comes back
            AtomicInteger patches = new AtomicInteger();
            AtomicBoolean cut = new AtomicBoolean();
            List<String> offsetsAfterCut = new CopyOnWriteArrayList<>();
            records.route("**/my/cases/" + caseId + "/uploads/**", route -> {
                if ("PATCH".equals(route.request().method())) {
                    if (cut.get()) {
                        offsetsAfterCut.add(route.request().headerValue("upload-offset"));
                    } else if (patches.incrementAndGet() == 4) {
                        cut.set(true);
                        route.abort("internetdisconnected");
                        return;
                    }
                }
                route.resume();
            });
            petCt.locator("input.files").setInputFiles(scan);
            Locator sending = petCt.locator("li.file").first();
            // Playwright's own wait: its events (the route above) are handled only while the test calls into it
            records.waitForCondition(cut::get);
            patientBrowser.setOffline(true);
            assertThat(sending).hasAttribute("data-state", "offline");
            assertThat(sending).containsText("Connection lost");
            shot(records, "upload-connection-lost.png");
            patientBrowser.setOffline(false);
            assertThat(sending).hasAttribute("data-state", "done");
            assertThat(sending.locator("progress")).hasAttribute("value", "100");
            // it went on from what records had stored (3 MiB), not from the start
            assertThat(offsetsAfterCut).isNotEmpty();
            assertThat(Long.parseLong(offsetsAfterCut.get(0))).isEqualTo(3L * MIB);
            assertThat(petCt).hasAttribute("data-state", "RECEIVED");
            JsonNode checklist = CaseDriver.awaitChecklist(caseId);
            assertThat(documentsOf(checklist, "pet-ct")).singleElement()
                    .satisfies(document -> assertThat(document.get("size").asLong()).isEqualTo(24L * MIB));
            records.unrouteAll();

            // a program is refused before it is sent; the same report twice is stored once
            Locator pathology = item(records, "pathology-report");
            pathology.locator("input.files").setInputFiles(new FilePayload("setup.exe", "application/octet-stream",
                    "MZ not a record".getBytes(StandardCharsets.US_ASCII)));
            assertThat(pathology.locator("li.file").first()).hasAttribute("data-state", "refused");
            assertThat(pathology.locator("li.file").first()).containsText("This kind of file cannot be taken");
            FilePayload report = new FilePayload("pathology.pdf", "application/pdf", CaseDriver.samplePdf("pathology " + caseId));
            pathology.locator("input.files").setInputFiles(report);
            assertThat(pathology.locator("li.file").nth(1)).hasAttribute("data-state", "done");
            assertThat(pathology).hasAttribute("data-state", "RECEIVED");
            pathology.locator("input.files").setInputFiles(report);
            assertThat(pathology.locator("li.file").nth(2)).hasAttribute("data-state", "refused");
            assertThat(pathology.locator("li.file").nth(2)).containsText("already received");
            assertThat(documentsOf(CaseDriver.awaitChecklist(caseId), "pathology-report")).hasSize(1);
            shot(records, "upload-refusals.png");

            // at 360 px, nothing scrolls sideways; then in Chinese, and in Arabic right to left
            records.setViewportSize(360, 800);
            records.reload();
            assertThat(records.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(records, "upload-checklist-360px.png");
            records.navigate(page + "?lang=zh-CN");
            assertThat(records.locator("h1")).hasText("提交您的病历资料");
            assertThat(records.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(records, "upload-checklist-zh-360px.png");
            records.navigate(page + "?lang=ar");
            assertThat(records.locator("html")).hasAttribute("dir", "rtl");
            assertThat(records.locator("h1")).hasText("أرسل سجلاتك الطبية");
            assertThat(records.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(records, "upload-checklist-ar-360px.png");
            // one language for all her pages: chosen here, her case page keeps it, and back in English
            records.navigate(RunningStack.url(8090, "/my/cases/" + caseId));
            assertThat(records.locator("html")).hasAttribute("dir", "rtl");
            assertThat(records.locator("html")).hasAttribute("lang", "ar");
            records.navigate(page + "?lang=en");
            assertThat(records.locator("h1")).hasText("Send your records");

            // a closed tab: the page goes away after two pieces of another scan; opened again, the same file goes on
            Path ct = largeJpeg(8 * MIB, 41);
            AtomicInteger ctPatches = new AtomicInteger();
            AtomicBoolean closing = new AtomicBoolean();
            records.navigate(page);
            records.route("**/my/cases/" + caseId + "/uploads/**", route -> {
                // the third piece, and every retry after it, never arrives: the tab is closing
                if ("PATCH".equals(route.request().method()) && (closing.get() || ctPatches.incrementAndGet() == 3)) {
                    closing.set(true);
                    route.abort("internetdisconnected");
                    return;
                }
                route.resume();
            });
            item(records, "ct-chest-abdomen").locator("input.files").setInputFiles(ct);
            records.waitForCondition(closing::get);
            records.close();
            Page reopened = patientBrowser.newPage();
            List<String> offsets = new CopyOnWriteArrayList<>();
            reopened.route("**/my/cases/" + caseId + "/uploads/**", route -> {
                if ("PATCH".equals(route.request().method())) {
                    offsets.add(route.request().headerValue("upload-offset"));
                }
                route.resume();
            });
            reopened.navigate(page);
            Locator ctItem = item(reopened, "ct-chest-abdomen");
            ctItem.locator("input.files").setInputFiles(ct);
            assertThat(ctItem.locator("li.file").first()).hasAttribute("data-state", "done");
            assertThat(Long.parseLong(offsets.get(0))).as("the first piece after reopening").isEqualTo(2L * MIB);
            assertThat(ctItem).hasAttribute("data-state", "RECEIVED");
        }

        // the caregiver acts for the patient on the same page
        try (BrowserContext caregiverBrowser = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page records = caregiverBrowser.newPage();
            signIn(records, page, CAREGIVER);
            records.waitForURL(page);
            assertThat(item(records, "pet-ct")).hasAttribute("data-state", "RECEIVED");
        }

        // the treating doctor, without an account: the link a coordinator made opens the console's page
        JsonNode link = Http.post(RunningStack.url(8082, "/cases/" + caseId + "/upload-links"),
                Map.of("label", "Dr Hartono, RS Jakarta")).body();
        String url = link.get("url").asText();
        assertThat(url).startsWith(RunningStack.url(8090, "/upload/"));
        try (BrowserContext doctorBrowser = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page upload = doctorBrowser.newPage();
            upload.navigate(url);
            assertThat(upload.locator("h1")).hasText("Send records for a second opinion");
            assertThat(upload.locator("main")).containsText("Dr Hartono, RS Jakarta");
            // only what is missing: not the received scan, nothing of the patient or the question
            assertThat(item(upload, "brain-mri")).isVisible();
            assertThat(upload.locator("li.item[data-item='pet-ct']")).hasCount(0);
            assertThat(upload.locator("li.item[data-item='pathology-report']")).hasCount(0);
            assertThat(upload.locator("body")).not().containsText("Budi");
            assertThat(upload.locator("body")).not().containsText("Should I have chemotherapy");
            Locator mri = item(upload, "brain-mri");
            mri.locator("input.files").setInputFiles(new FilePayload("brain-mri-report.pdf", "application/pdf",
                    CaseDriver.samplePdf("brain mri " + caseId)));
            assertThat(mri.locator("li.file").first()).hasAttribute("data-state", "done");
            assertThat(mri).hasAttribute("data-state", "RECEIVED");
            shot(upload, "upload-link.png");
            upload.setViewportSize(360, 800);
            assertThat(upload.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(upload, "upload-link-360px.png");
            upload.setViewportSize(1280, 900);
            assertThat(documentsOf(CaseDriver.awaitChecklist(caseId), "brain-mri")).singleElement()
                    .satisfies(document -> assertThat(document.get("uploadedBy").asText())
                            .isEqualTo("upload-link:" + link.get("id").asText()));

            // revoked by a coordinator: the next file is refused, and the page says the link no longer works
            revoke(caseId, link.get("id").asText());
            Locator staging = item(upload, "staging-tnm");
            staging.locator("input.files").setInputFiles(new FilePayload("staging.pdf", "application/pdf",
                    CaseDriver.samplePdf("staging " + caseId)));
            assertThat(staging.locator("li.file").first()).hasAttribute("data-state", "refused");
            assertThat(staging.locator("li.file").first()).containsText("no longer works");
            Response closed = upload.navigate(url);
            assertThat(closed.status()).isEqualTo(410);
            assertThat(upload.locator("h1")).hasText("This upload link no longer works");
            assertThat(upload.locator("main")).containsText("ask whoever sent you the link");
            assertThat(upload.locator("main")).not().containsText("Brain MRI");
            shot(upload, "upload-link-revoked.png");
            upload.setViewportSize(360, 800);
            lightShot(upload, "upload-link-revoked-360px.png");
        }
        assertThat(documentsOf(CaseDriver.awaitChecklist(caseId), "staging-tnm")).isEmpty();
    }

    private static Locator item(Page page, String code) {
        return page.locator("li.item[data-item='" + code + "']");
    }

    private static List<JsonNode> documentsOf(JsonNode checklist, String code) {
        for (JsonNode item : checklist.get("items")) {
            if (item.get("code").asText().equals(code)) {
                List<JsonNode> documents = new java.util.ArrayList<>();
                item.get("documents").forEach(documents::add);
                return documents;
            }
        }
        throw new AssertionError("no item " + code + " on the checklist");
    }

    /** A large image as a scanner's export might be: a JPEG header, then bytes that compress to nothing. */
    private static Path largeJpeg(int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(header, 0, content, 0, header.length);
        Path file = Files.createTempFile("pet-ct-images-", ".jpg");
        Files.write(file, content);
        file.toFile().deleteOnExit();
        return file;
    }

    /** The coordinator revokes the link through records' API (the console has no page for it yet). */
    private static void revoke(String caseId, String linkId) {
        try {
            HttpResponse<String> revoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            RunningStack.url(8082, "/cases/" + caseId + "/upload-links/" + linkId)))
                    .header("Authorization", DemoUsers.bearer(DemoUsers.COORDINATOR)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
