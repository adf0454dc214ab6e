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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.lightShot;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

/**
 * Issue 14, the patient's and caregiver's window, in a real browser against the whole stack. Pat Lee (the demo patient,
 * Simplified Chinese first) has a lung case her son Sam acts in as caregiver. On a 360 px phone she follows it in
 * Chinese — the records still missing, then the panel — reads the released report and downloads both PDFs, marks a
 * message read, asks a follow-up question (refused empty, next to the field), and reads the chair's answer; the same
 * page in Arabic is right to left. Sam finds the case he acts for; another patient's case is refused in words, and a
 * coordinator is told the window is for patients.
 */
class PatientCaseBrowserTest extends ConsoleBrowserTests {
    private static final String PATIENT = "pat.lee";
    private static final String CAREGIVER = "sam.lee";

    @Test
    void aPatientFollowsHerCaseInChineseOnAPhoneReadsTheReportAndAsksThePanel() throws IOException {
        String caseId = CaseDriver.submitLungCase(PATIENT + "@example.org", "Pat Lee", "CN", "[\"zh-Hans\", \"en\"]",
                "Asia/Shanghai", """
                        "proxy": {"name": "Sam Lee", "relationship": "son", "email": "sam.lee@example.org", "patientConsents": true},
                        """);
        CaseDriver.completeTask(caseId, "Review intake", Map.of("accepted", true));
        JsonNode checklist = CaseDriver.awaitChecklist(caseId);
        await("the case collects records").atMost(Duration.ofSeconds(60)).until(() -> CaseDriver.stage(caseId),
                "COLLECTING_RECORDS"::equals);

        try (BrowserContext phone = patient(browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(360, 800).setAcceptDownloads(true)))) {
            Page page = phone.newPage();
            signIn(page, RunningStack.url(8090, "/"), PATIENT);
            page.waitForURL(RunningStack.url(8090, "/my"));
            // her own language without asking: the case says Simplified Chinese first
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.locator("li[data-case='" + caseId + "']")).containsText("我们正在收集您的病历资料");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "patient-my-cases-360px.png");

            page.locator("li[data-case='" + caseId + "'] h2 a").click();
            page.waitForURL(RunningStack.url(8090, "/my/cases/" + caseId));
            assertThat(page.locator(".status .stage-now")).hasText("我们正在收集您的病历资料");
            assertThat(page.locator(".waiting-on")).hasText("您或您的医生：请提供下面列出的资料");
            String firstRequired = CaseDriver.requiredItems(checklist).stream()
                    .filter(code -> !code.equals("first-opinion")).findFirst().orElseThrow();
            assertThat(page.locator("#records li[data-item='" + firstRequired + "']")).isVisible();
            assertThat(page.locator("#records li[data-item='pathology-report'] strong")).hasText("病理报告（实验室对活检或手术标本的报告）");
            assertThat(page.locator("#report .expect")).containsText("您的报告尚未完成");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "patient-status-zh-360px.png");
            page.setViewportSize(1280, 900);
            shot(page, "patient-status-zh.png");
            page.setViewportSize(360, 800);

            // the records arrive, the panel meets and concludes, a coordinator releases the report
            CaseDriver.requiredItems(checklist).forEach(item -> CaseDriver.upload(caseId, item));
            CaseDriver.awaitRecordsComplete(caseId);
            CaseDriver.completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
            JsonNode review = await("the panel").atMost(Duration.ofSeconds(90)).until(
                    () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)), r -> r.status() == 200).body();
            page.reload();
            assertThat(page.locator("#records .ok")).hasText("专家组所需的资料都已收到。");
            assertThat(page.locator("#report .expect")).containsText("专家组将于");
            CaseDriver.panelConcludes(caseId);
            CaseDriver.releaseReport(caseId);
            await("the report delivered").atMost(Duration.ofSeconds(120)).until(() -> CaseDriver.stage(caseId),
                    "REPORT_DELIVERED"::equals);

            // the report on the page, in plain words, and both PDFs relayed with her token
            page.reload();
            assertThat(page.locator(".status .stage-now")).hasText("您的报告已完成");
            assertThat(page.locator(".waiting-on")).hasText("无：没有待办事项");
            assertThat(page.locator("#report .plain")).hasText("The panel suggests medicine before the operation to shrink the tumour.");
            assertThat(page.locator("#report .verdict")).hasText("专家组建议的方案与您医生提出的不同。");
            Download plain = page.waitForDownload(() -> page.locator("#report .downloads a").first().click());
            assertThat(plain.suggestedFilename()).isEqualTo("consilium-report-" + caseId + "-zh-Hans.pdf");
            assertThat(Files.readAllBytes(plain.path())).startsWith("%PDF".getBytes());
            Download clinician = page.waitForDownload(() -> page.locator("#report .downloads a").nth(1).click());
            assertThat(Files.readAllBytes(clinician.path())).startsWith("%PDF".getBytes());

            // the inbox: the report's message unread, then read. notification-service puts a sent mail in the inbox
            // with its poll (InboxFeed, every second), and the delivery reaches intake by the outbox's push: the stage
            // can say delivered a moment before the inbox has it (CI found the page loaded in that moment), and the
            // page shows the count as it was loaded. She reloads, as a person would.
            Locator count = page.locator(".inbox-count .count");
            for (int tries = 0; tries < 30 && "0".equals(count.textContent().strip()); tries++) {
                page.waitForTimeout(2000);
                page.reload();
            }
            assertThat(count).not().hasText("0");
            String message = page.locator("#inbox li.unread").first().getAttribute("data-message");
            page.locator("#inbox li[data-message='" + message + "']").getByRole(AriaRole.BUTTON).click();
            page.waitForURL(Pattern.compile(".*/my/cases/" + caseId + "#inbox"));
            assertThat(page.locator("#inbox li[data-message='" + message + "']")).not().hasClass(Pattern.compile(".*unread.*"));
            assertThat(page.locator("#inbox li[data-message='" + message + "'] button")).hasCount(0);
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "patient-report-zh-360px.png");

            // a follow-up question: refused empty, next to the field; then sent
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发送我的问题")).click();
            assertThat(page.locator("#question-error")).hasText("请先写下您的问题再发送。");
            assertThat(page.locator("#question")).hasAttribute("aria-invalid", "true");
            lightShot(page, "patient-question-refused-360px.png");
            page.getByLabel("您的问题").fill("手术前先做化疗，会影响我按时手术吗？");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发送我的问题")).click();
            page.waitForURL(Pattern.compile(".*/my/cases/" + caseId + "\\?done=asked#questions"));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("您的问题已发送给专家组主席。");
            assertThat(page.locator(".questions li[data-question='q1'] .waiting")).hasText("正在等待主席的回答。");

            // the chair answers (over mdt-scheduler's API, with the chair's own token); she reads it on the page
            String chair = java.util.stream.StreamSupport.stream(review.get("panel").spliterator(), false)
                    .filter(m -> m.get("chair").asBoolean()).findFirst().orElseThrow().get("specialistId").asText();
            Http.Response answered = Http.as(chair).post(RunningStack.url(8083, "/reviews/" + caseId + "/questions/q1/answer"),
                    Map.of("chairId", chair, "answer", "不会：化疗约需九周，手术可以在之后安排。请与您的医生商量日期。"));
            assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
            page.reload();
            assertThat(page.locator(".questions li[data-question='q1'] .a")).hasText("不会：化疗约需九周，手术可以在之后安排。请与您的医生商量日期。");
            page.locator("#questions").scrollIntoViewIfNeeded();
            lightShot(page, "patient-answer-zh-360px.png");
            page.setViewportSize(1280, 900);
            shot(page, "patient-report-zh.png");

            // the same page in Arabic, right to left, chosen with the switcher (kept for her next pages)
            page.locator(".languages a[hreflang='ar']").click();
            page.waitForURL(Pattern.compile(".*/my/cases/" + caseId + "\\?lang=ar"));
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator(".status .stage-now")).hasText("تقريرك جاهز");
            shot(page, "patient-case-ar.png");
            page.setViewportSize(360, 800);
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "patient-case-ar-360px.png");

            // another patient's case: refused, in words, in her language
            String someoneElses = CaseDriver.submitLungCase("someone-else-" + UUID.randomUUID() + "@example.org");
            Response refused = page.navigate(RunningStack.url(8090, "/my/cases/" + someoneElses));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("هذه الحالة ليست لك");
            assertThat(page.locator("main")).not().containsText("Budi Santoso");
            page.setViewportSize(1280, 900);
            page.navigate(RunningStack.url(8090, "/my/cases/" + someoneElses + "?lang=en"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("This case is not yours");
            shot(page, "patient-refused.png");
        }

        // her son, the caregiver, finds the case he acts for
        try (BrowserContext laptop = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = laptop.newPage();
            signIn(page, RunningStack.url(8090, "/"), CAREGIVER);
            page.waitForURL(RunningStack.url(8090, "/my"));
            page.navigate(RunningStack.url(8090, "/my?lang=en"));
            assertThat(page.locator("li[data-case='" + caseId + "'] h2")).hasText("The case of Pat Lee, for whom you act");
            shot(page, "patient-caregiver-my-cases.png");
            page.locator("li[data-case='" + caseId + "'] h2 a").click();
            page.waitForURL(RunningStack.url(8090, "/my/cases/" + caseId));
            assertThat(page.locator(".status .stage-now")).hasText("Your report is ready");
            assertThat(page.locator(".questions li[data-question='q1'] .a")).containsText("化疗约需九周");
            shot(page, "patient-caregiver-case.png");
        }

        // a coordinator is told the window is for patients
        try (BrowserContext desk = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = desk.newPage();
            signIn(page, RunningStack.url(8090, "/my"), DemoUsers.COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/my"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("This page is for patients and caregivers");
            shot(page, "patient-staff-refused.png");
        }
    }

    /**
     * The caregiver, acting for the patient with her consent, changes one consent and gives it back, purpose by purpose;
     * then withdraws the whole request, only after a page that says what it means, and is refused without a reason.
     */
    @Test
    void theCaregiverChangesAConsentAndWithdrawsTheRequestOnlyAfterAskingOnceMore() {
        String caseId = CaseDriver.submitLungCase(PATIENT + "@example.org", "Pat Lee", "CN", "[\"zh-Hans\", \"en\"]",
                "Asia/Shanghai", """
                        "proxy": {"name": "Sam Lee", "relationship": "son", "email": "sam.lee@example.org", "patientConsents": true},
                        """);
        try (BrowserContext laptop = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = laptop.newPage();
            signIn(page, RunningStack.url(8090, "/my/cases/" + caseId + "/consent?lang=en"), CAREGIVER);
            page.waitForURL(RunningStack.url(8090, "/my/cases/" + caseId + "/consent?lang=en"));
            var doctor = page.locator("#consent-CONTACT_CURRENT_DOCTOR");
            assertThat(doctor).containsText("You agree to this");
            doctor.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Stop this")).click();
            page.waitForURL(Pattern.compile(".*/consent\\?done=changed"));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your choice is saved.");
            assertThat(page.locator("#consent-CONTACT_CURRENT_DOCTOR")).containsText("You do not agree to this");
            assertThat(Http.get(RunningStack.url(8081, "/cases/" + caseId)).body().at("/consents/CONTACT_CURRENT_DOCTOR").asBoolean())
                    .isFalse();
            shot(page, "patient-consent.png");
            page.locator("#consent-CONTACT_CURRENT_DOCTOR").getByRole(AriaRole.BUTTON).click();
            page.waitForURL(Pattern.compile(".*/consent\\?done=changed"));
            assertThat(page.locator("#consent-CONTACT_CURRENT_DOCTOR")).containsText("You agree to this");
            // after what was consented at submission: stopped, then given again, newest last
            assertThat(page.locator(".consent-history li").last()).containsText("Contacting my current doctor");
            assertThat(page.locator(".consent-history li").last()).containsText("You agree to this");

            page.locator("#consent-REVIEW").getByRole(AriaRole.LINK).click();
            page.waitForURL(RunningStack.url(8090, "/my/cases/" + caseId + "/withdraw"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, withdraw my request")).click();
            assertThat(page.locator("#reason-error")).hasText("Please say in a few words why you withdraw it.");
            shot(page, "patient-withdraw-refused.png");
            org.assertj.core.api.Assertions.assertThat(CaseDriver.stage(caseId)).isNotEqualTo("WITHDRAWN");
            page.locator("#reason").fill("My mother has decided to stay with her oncologist's plan.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, withdraw my request")).click();
            page.waitForURL(RunningStack.url(8090, "/my/cases/" + caseId + "?done=withdrawn"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your request is withdrawn.");
            await("the case withdrawn").atMost(Duration.ofSeconds(30)).until(() -> CaseDriver.stage(caseId), "WITHDRAWN"::equals);
            shot(page, "patient-withdrawn.png");
        }
    }
}
