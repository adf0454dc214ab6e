package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

/**
 * Issue 13, the specialist's review room, in a real browser against the whole stack: a lung case is driven to its
 * panel; a member finds it among their sessions (in their own zone, with the agenda, their load and an .ics), reads
 * the brief and the documents, and starts typing an opinion (the draft survives a reload) while the others' are
 * hidden; the chair gives theirs in their own room; the member still cannot see it (mdt-scheduler hides it, not the
 * page), gives theirs (refused once, naming the field, nothing typed lost) and then sees the panel side by side with
 * the disagreement highlighted; the rest of the panel gives theirs, and the chair signs the consensus with the dissent.
 * Released, a follow-up question waits for the chair, who answers it in the room. A specialist of another panel is
 * refused the case, a patient the room, the member the coordinator's desk.
 */
class SpecialistRoomBrowserTest extends ConsoleBrowserTests {
    private static final String CHAIR_SAYS = "Neoadjuvant chemo-immunotherapy, then lobectomy";
    private static final String MEMBER_SAYS = "Lobectomy first, as planned, then adjuvant chemotherapy";

    @Test
    void twoSpecialistsGiveIndependentOpinionsInTheirRoomsAndTheChairSignsTheConsensus() throws IOException {
        JsonNode review = onAPanel("room-");
        String caseId = review.get("caseId").asText();
        List<JsonNode> panel = new ArrayList<>();
        review.get("panel").forEach(panel::add);
        JsonNode chair = panel.stream().filter(m -> m.get("chair").asBoolean()).findFirst().orElseThrow();
        JsonNode member = panel.stream().filter(m -> !m.get("chair").asBoolean()).findFirst().orElseThrow();
        String chairId = chair.get("specialistId").asText();
        String memberId = member.get("specialistId").asText();
        String sessionId = review.at("/session/id").asText();

        try (BrowserContext memberBrowser = patient(browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setAcceptDownloads(true)));
             BrowserContext chairBrowser = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            // the member's sessions: the case on its session, in the member's zone, with the agenda and this week's load
            Page room = memberBrowser.newPage();
            signIn(room, RunningStack.url(8090, "/"), memberId);
            room.waitForURL(RunningStack.url(8090, "/room"));
            Locator item = room.locator("section.session[data-session='" + sessionId + "'] li[data-case='" + caseId + "']");
            assertThat(item).containsText("Your opinion is awaited");
            assertThat(item).containsText("Urgent");
            assertThat(room.locator("main")).containsText(member.get("timeZone").asText());
            assertThat(room.locator(".room-summary")).containsText("cases");
            shot(room, "room.png");
            room.keyboard().press("Tab");
            assertThat(room.locator(":focus")).hasText("Skip to the content");
            // at 360 px, the room reads without scrolling sideways
            room.setViewportSize(360, 800);
            assertThat(room.locator("html")).hasJSProperty("scrollWidth", 360);
            shot(room, "room-360px.png");
            room.setViewportSize(1280, 900);
            Download calendar = room.waitForDownload(() -> room.getByText("Download my sessions (.ics)").click());
            String ics = Files.readString(calendar.path()).replaceAll("\\r?\\n[ \\t]", ""); // unfolded (RFC 5545 3.1)
            assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("case " + caseId);

            // the dossier and the opinion form; the others' opinions are not there to read
            java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
            room.onRequestFinished(request -> {
                if (request.url().startsWith(RunningStack.url(8090, "/room/cases/"))) {
                    bytes.addAndGet(request.sizes().responseBodySize + request.sizes().responseHeadersSize);
                }
            });
            long opened = System.nanoTime();
            item.getByRole(AriaRole.LINK).first().click();
            room.waitForURL(RunningStack.url(8090, "/room/cases/" + caseId));
            // numbers to read, not to assert (benchmarks print, tests check behaviour)
            System.out.printf("room case page: %d ms to load (mdt-scheduler's review and meeting view, records' checklist),"
                    + " %d bytes over the wire from the console%n", (System.nanoTime() - opened) / 1_000_000, bytes.get());
            Page file = room;
            assertThat(file.locator("main")).containsText("Should I have chemotherapy or immunotherapy before the operation instead?");
            assertThat(file.locator("main")).containsText("Lobectomy then adjuvant chemotherapy");
            await("the records open to the panel").atMost(Duration.ofSeconds(60)).until(() -> {
                file.reload();
                return file.locator("ul.documents li[data-item='pathology-report'] a").count() > 0;
            });
            assertThat(file.locator(".hidden-opinions")).containsText("0 of " + panel.size());
            file.getByLabel("Your recommendation").fill("Lobectomy first");
            assertThat(file.locator("#draft-status")).containsText("Draft kept");
            file.reload();
            assertThat(file.getByLabel("Your recommendation")).hasValue("Lobectomy first");
            shot(file, "room-case.png");
            file.setViewportSize(360, 800);
            assertThat(file.locator("html")).hasJSProperty("scrollWidth", 360);
            shot(file, "room-case-360px.png");
            file.setViewportSize(1280, 900);
            // a document opens in the browser, streamed with the member's own token
            Map<String, String> served = memberBrowser.request().get(RunningStack.url(8090, file.locator(
                    "ul.documents li[data-item='pathology-report'] a").first().getAttribute("href"))).headers();
            assertThat(served.get("content-type")).startsWith("application/pdf");
            assertThat(served).containsEntry("x-content-type-options", "nosniff");
            assertThat(served.get("content-disposition")).startsWith("inline");

            // the chair gives theirs in their own room
            Page chairs = chairBrowser.newPage();
            signIn(chairs, RunningStack.url(8090, "/room/cases/" + caseId), chairId);
            chairs.waitForURL(RunningStack.url(8090, "/room/cases/" + caseId));
            chairs.getByLabel("Your recommendation").fill(CHAIR_SAYS);
            chairs.getByLabel("I differ from it", new Page.GetByLabelOptions().setExact(true)).check();
            chairs.getByLabel("High", new Page.GetByLabelOptions().setExact(true)).check();
            chairs.getByLabel("Information still missing").fill("PD-L1 and EGFR/ALK results");
            chairs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give my opinion")).click();
            chairs.waitForURL(Pattern.compile(".*/room/cases/" + caseId + "\\?done=.*"));
            assertThat(chairs.getByRole(AriaRole.STATUS)).containsText("Your opinion is recorded");

            // the member still cannot read it: not on the page, and not from mdt-scheduler with their token either
            file.reload();
            assertThat(file.locator(".hidden-opinions")).containsText("1 of " + panel.size());
            assertThat(file.locator("main")).not().containsText(CHAIR_SAYS);
            JsonNode asMember = Http.as(memberId).get(RunningStack.url(8083, "/reviews/" + caseId + "/meeting")).body();
            assertThat(asMember.get("othersOpinionsHidden").asBoolean()).isTrue();
            assertThat(asMember.toString()).doesNotContain(CHAIR_SAYS);
            shot(file, "room-opinions-hidden.png");

            // given without saying how confident: refused next to the field, nothing typed lost
            file.getByLabel("Your recommendation").fill(MEMBER_SAYS);
            file.getByLabel("I agree with it", new Page.GetByLabelOptions().setExact(true)).check();
            file.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give my opinion")).click();
            assertThat(file.locator("#opinion-confidence .field-error")).isVisible();
            assertThat(file.getByRole(AriaRole.ALERT)).containsText("confidence: Required: choose one.");
            assertThat(file.getByLabel("Your recommendation")).hasValue(MEMBER_SAYS);
            assertThat(file.getByLabel("I agree with it", new Page.GetByLabelOptions().setExact(true))).isChecked();
            shot(file, "room-opinion-refused.png");
            file.getByLabel("Medium", new Page.GetByLabelOptions().setExact(true)).check();
            file.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give my opinion")).click();
            file.waitForURL(Pattern.compile(".*/room/cases/" + caseId + "\\?done=.*"));
            assertThat(file.getByRole(AriaRole.STATUS)).containsText("Your opinion is recorded");
            assertThat(file.locator("#opinion-form")).hasCount(0);

            // now the panel side by side, the disagreement highlighted
            assertThat(file.locator("article.seat[data-seat='" + chairId + "']")).containsText(CHAIR_SAYS);
            assertThat(file.locator("article.seat[data-seat='" + memberId + "']")).containsText(MEMBER_SAYS);
            assertThat(file.locator(".alert.disagreement")).containsText("agree with the first opinion");

            // the rest of the panel gives theirs (over the API, each with their own token)
            for (JsonNode other : panel) {
                String id = other.get("specialistId").asText();
                if (!id.equals(chairId) && !id.equals(memberId)) {
                    Http.Response given = Http.as(id).post(RunningStack.url(8083, "/reviews/" + caseId + "/opinions"),
                            Map.of("specialistId", id, "recommendation", CHAIR_SAYS, "agreesWithFirstOpinion", false,
                                    "confidence", "HIGH"), Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
                    assertThat(given.status()).as(given.raw()).isEqualTo(201);
                }
            }

            // the member's view of the meeting: the whole panel side by side, theirs standing apart
            file.reload();
            assertThat(file.locator("article.seat.apart[data-seat='" + memberId + "']")).containsText("Differs from most of the panel");
            assertThat(file.locator("article.seat.awaited")).hasCount(0);
            shot(file, "room-meeting.png");

            // the chair signs, the dissent kept
            chairs.navigate(RunningStack.url(8090, "/room/cases/" + caseId));
            Locator consensus = chairs.locator("#consensus");
            consensus.getByLabel("The panel's recommendation").fill(CHAIR_SAYS + ", after EGFR/ALK/PD-L1 testing");
            consensus.getByLabel("The panel differs", new Locator.GetByLabelOptions().setExact(true)).check();
            consensus.getByLabel("Why it differs").fill("Stage IIIA benefits from treatment before surgery; molecular results were missing.");
            consensus.getByLabel("For the patient, in plain words").fill("The panel suggests medicine first to shrink the tumour, then the operation.");
            consensus.getByLabel("Dissent, one view per line").fill("The " + member.get("discipline").asText().replace('-', ' ')
                    + " would operate first, as planned.");
            shot(chairs, "room-consensus-form.png");
            consensus.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign the consensus")).click();
            chairs.waitForURL(Pattern.compile(".*/room/cases/" + caseId + "\\?done=.*"));
            assertThat(chairs.getByRole(AriaRole.STATUS)).containsText("The consensus is signed");
            assertThat(chairs.locator("#consensus")).containsText("would operate first");
            shot(chairs, "room-consensus-signed.png");
            JsonNode concluded = Http.get(RunningStack.url(8083, "/reviews/" + caseId)).body();
            assertThat(concluded.get("status").asText()).isEqualTo("CONCLUDED");
            assertThat(concluded.at("/consensus/dissent/0").asText()).contains("would operate first");

            // released, a follow-up question from the patient (relayed by the coordinator) waits for the chair's answer
            CaseDriver.releaseReport(caseId);
            Http.Response asked = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/questions"), Map.of(
                    "question", "Can the chemotherapy be given in Jakarta?",
                    "replyTo", Map.of("name", "Budi Santoso", "email", "room-follow-up@example.org", "language", "en")));
            assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
            chairs.navigate(RunningStack.url(8090, "/room"));
            Locator waiting = chairs.locator(".questions-waiting");
            assertThat(waiting).containsText(caseId);
            waiting.getByRole(AriaRole.LINK).first().click();
            Locator question = chairs.locator("article.question-waiting");
            assertThat(question).containsText("Can the chemotherapy be given in Jakarta?");
            shot(chairs, "room-follow-up.png");
            question.getByLabel("Your answer").fill("Yes: any oncology centre there can give it; we will write to your doctor.");
            question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the answer")).click();
            chairs.waitForURL(Pattern.compile(".*/room\\?done=.*"));
            assertThat(chairs.getByRole(AriaRole.STATUS)).containsText("is sent");
            assertThat(Http.get(RunningStack.url(8083, "/reviews/" + caseId)).body().at("/questions/0/answer").asText())
                    .startsWith("Yes: any oncology centre");

            // the member is refused the coordinator's desk
            Response desk = room.navigate(RunningStack.url(8090, "/worklist"));
            assertThat(desk.status()).isEqualTo(403);
            assertThat(room.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("This page is for coordinators");
        }
    }

    @Test
    void aSpecialistOfAnotherPanelIsRefusedTheCaseAndAPatientTheRoom() {
        JsonNode review = onAPanel("room-refused-");
        String caseId = review.get("caseId").asText();
        List<String> seated = review.get("panel").findValuesAsText("specialistId");
        // a supportive-care physician: in the directory, but on no lung panel that did not ask for supportive care
        String outsider = Http.get(RunningStack.url(8083, "/specialists?discipline=supportive-care-physician")).body()
                .findValuesAsText("id").stream().filter(id -> !seated.contains(id)).findFirst().orElseThrow();

        try (BrowserContext context = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/room"), outsider);
            page.waitForURL(RunningStack.url(8090, "/room"));
            assertThat(page.locator("li[data-case='" + caseId + "']")).hasCount(0);
            Response refused = page.navigate(RunningStack.url(8090, "/room/cases/" + caseId));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("This case is not on your panels");
            assertThat(page.locator("main")).containsText("seated on its panel, while its review is open");
            assertThat(page.locator("main")).containsText(outsider + " may not view case " + caseId);
            shot(page, "room-refused-other-panel.png");
        }
        try (BrowserContext context = patient(browser.newContext())) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/room"), "pat.lee");
            page.waitForURL(RunningStack.url(8090, "/room"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("This page is for specialists");
            assertThat(page.locator("main")).containsText("signed in as pat.lee (roles: patient)");
            shot(page, "room-refused-patient.png");
        }
    }

    /** A lung case driven to its panel over the APIs (accepted, records uploaded, dossier verified): its review. */
    private static JsonNode onAPanel(String patient) {
        String caseId = CaseDriver.submitLungCase(patient + UUID.randomUUID() + "@example.org");
        CaseDriver.completeTask(caseId, "Review intake", Map.of("accepted", true));
        CaseDriver.requiredItems(CaseDriver.awaitChecklist(caseId)).forEach(item -> CaseDriver.upload(caseId, item));
        CaseDriver.awaitRecordsComplete(caseId);
        CaseDriver.completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
        return await("the panel").atMost(Duration.ofSeconds(90)).until(
                () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)), r -> r.status() == 200).body();
    }
}
