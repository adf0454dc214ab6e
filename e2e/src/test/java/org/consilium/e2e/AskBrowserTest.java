package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.lightShot;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

/**
 * Issue 14, "Ask", in a real browser against the whole stack. Pat Lee asks for a second opinion in Simplified Chinese
 * on a 360 px phone, stops half-way, comes back on another device (a new browser, signed in again) where the form
 * resumes from intake's draft at the step she left, is refused next to the field she left empty, mends it and sends:
 * she lands on her new case, and intake holds the request as she wrote it and no draft. Then Sam Lee, her son, asks
 * for her as her caregiver, in English, one step seen in Arabic right to left.
 */
class AskBrowserTest extends ConsoleBrowserTests {
    private static final String PATIENT = "pat.lee";
    private static final String CAREGIVER = "sam.lee";
    private static final String NEXT_ZH = "下一步";
    private static final Pattern CASE_PAGE = Pattern.compile(".*/my/cases/(case-[0-9a-f-]+)\\?done=sent");

    @Test
    void aPatientAsksInChineseOnAPhoneStopsHalfWayResumesElsewhereIsToldWhatIsMissingAndSends() {
        Http.as(PATIENT).delete(RunningStack.url(8081, "/drafts/mine")); // a draft left by an earlier run
        String start = LocalDate.now().plusDays(12).toString();
        try (BrowserContext phone = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 800)
                .setLocale("zh-CN")))) {
            Page page = phone.newPage();
            // her language chosen with the switcher (her earlier cases may name another first); kept for every page
            signIn(page, RunningStack.url(8090, "/my?lang=zh"), PATIENT);
            page.waitForURL(RunningStack.url(8090, "/my?lang=zh"));
            assertThat(page.locator(".ask-start a")).hasText("申请第二诊疗意见");
            page.locator(".ask-start a").click();
            page.waitForURL(RunningStack.url(8090, "/my/ask/who"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.locator("#progress")).hasText("第1步，共7步：这份申请是为谁提出的");
            assertThat(page.locator(".who-asks")).containsText("pat.lee@example.org");
            page.getByLabel("您的全名").fill("Pat Lee 李佩");
            page.getByLabel("您的年龄").fill("58");
            page.getByLabel("女", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("您居住的国家或地区").selectOption("CN");
            page.locator("#f-patient-languages").getByLabel("简体中文").check();
            page.getByLabel("您所在的时区（离您最近的城市）").selectOption("Asia/Shanghai");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-who-zh-360px.png");
            next(page, NEXT_ZH, "diagnosis");

            page.getByLabel("癌症的种类").selectOption("lung");
            page.getByLabel("在身体的哪个部位").fill("右肺上叶");
            page.getByLabel("分期（如果您知道）").fill("IIIA");
            page.getByLabel("细胞类型（如果报告上有写）").fill("腺癌");
            next(page, NEXT_ZH, "treatment");

            assertThat(page.locator("#progress")).hasText("第3步，共7步：建议的治疗及开始时间");
            page.getByLabel("您的医生建议的治疗").fill("先做肺叶切除手术，然后化疗。");
            page.getByLabel("谁提出的建议").fill("王医生，上海胸科医院");
            page.getByLabel("建议提出的日期").fill(LocalDate.now().minusDays(7).toString());
            page.getByLabel("治疗计划什么时候开始？").fill(start);
            page.getByLabel("大手术").check();
            page.getByLabel("治愈癌症").check();
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-treatment-zh-360px.png");
            next(page, NEXT_ZH, "question");

            // she writes her open questions, then stops without writing the question itself: kept as she types
            page.getByLabel("还没有人回答您的问题").fill("有没有做过EGFR检测？\n手术后多久能恢复？");
            assertThat(page.locator("#saved")).containsText("已保存", new com.microsoft.playwright.assertions
                    .LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        }

        // another device: a new browser, signed in again; the form resumes from intake's draft where she stopped
        try (BrowserContext laptop = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            Page page = laptop.newPage();
            signIn(page, RunningStack.url(8090, "/my?lang=zh"), PATIENT);
            page.waitForURL(RunningStack.url(8090, "/my?lang=zh"));
            assertThat(page.locator(".ask-start h2")).hasText("您尚未发送的申请");
            shot(page, "ask-continue-zh.png");
            page.setViewportSize(360, 800);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("继续填写您的申请")).click();
            page.waitForURL(RunningStack.url(8090, "/my/ask/question"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.locator("#f-openConcerns")).hasValue("有没有做过EGFR检测？\n手术后多久能恢复？");
            assertThat(page.locator(".ask-steps li.done")).hasCount(3);
            next(page, NEXT_ZH, "doctor");
            page.getByLabel("您的医生的姓名").fill("王医生");
            page.getByLabel("医院或诊所").fill("上海胸科医院");
            next(page, NEXT_ZH, "consent");
            page.locator("#f-consent-review").check();
            page.locator("#f-consent-shareWithPanel").check();
            page.locator("#f-consent-crossBorderTransfer").check();
            next(page, NEXT_ZH, "review");
            assertThat(page.locator(".review-step[data-step=diagnosis] dd").first()).hasText("肺癌");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-review-zh-360px.png");
            page.setViewportSize(1280, 900);
            shot(page, "ask-review-zh.png");
            page.setViewportSize(360, 800);

            // sent without the question: intake refuses, and the refusal is beside the field, on its step
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发送我的申请")).click();
            page.waitForURL(RunningStack.url(8090, "/my/ask/question?attempt=send"));
            assertThat(page.locator("#f-questionForPanel-error")).hasText("请写下您想问专家组的问题。");
            assertThat(page.locator("#f-questionForPanel")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-openConcerns")).hasValue("有没有做过EGFR检测？\n手术后多久能恢复？");
            assertThat(page.locator("#progress")).hasText("第4步，共7步：您想问专家组的问题");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-question-refused-zh-360px.png");

            page.getByLabel("您想问专家组的问题").fill("我是否应该在手术前先做化疗或免疫治疗？");
            next(page, NEXT_ZH, "doctor");
            next(page, NEXT_ZH, "consent");
            next(page, NEXT_ZH, "review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发送我的申请")).click();
            page.waitForURL(CASE_PAGE);
            Matcher sent = CASE_PAGE.matcher(page.url());
            assertThat(sent.matches()).isTrue();
            String caseId = sent.group(1);
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("您的申请已发送。协调员会阅读您的申请，并告诉您接下来的安排。");
            assertThat(page.locator(".status .stage-now")).hasText("我们已收到您的申请");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-sent-zh-360px.png");

            // intake holds the request as she wrote it, in her name, and her draft is gone
            JsonNode theCase = Http.get(RunningStack.url(8081, "/cases/" + caseId)).body();
            assertThat(theCase.at("/patient/email").asText()).isEqualTo("pat.lee@example.org");
            assertThat(theCase.at("/patient/name").asText()).isEqualTo("Pat Lee 李佩");
            assertThat(theCase.at("/diagnosis/cancerType").asText()).isEqualTo("lung");
            assertThat(theCase.at("/consents/CROSS_BORDER_TRANSFER").asBoolean()).isTrue();
            assertThat(theCase.at("/consents/CONTACT_CURRENT_DOCTOR").asBoolean()).isFalse();
            assertThat(Http.as(PATIENT).get(RunningStack.url(8081, "/drafts/mine")).status()).isEqualTo(404);
            page.navigate(RunningStack.url(8090, "/my"));
            assertThat(page.locator(".ask-start a")).hasText("申请第二诊疗意见");
        }
    }

    @Test
    void aCaregiverAsksForThePatientWithHerConsent() {
        Http.as(CAREGIVER).delete(RunningStack.url(8081, "/drafts/mine"));
        try (BrowserContext laptop = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-GB")))) {
            Page page = laptop.newPage();
            signIn(page, RunningStack.url(8090, "/my/ask"), CAREGIVER);
            page.waitForURL(RunningStack.url(8090, "/my/ask/who"));
            assertThat(page.locator(".who-asks")).containsText("Sam Lee");
            page.getByLabel("How are you related to the patient?").fill("son");
            page.getByLabel("The patient agrees that I ask for a second opinion for them and see their case.").check();
            page.getByLabel("The patient’s full name").fill("Pat Lee");
            page.getByLabel("The patient’s age").fill("58");
            page.getByLabel("Female", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("The country the patient lives in").selectOption("CN");
            page.locator("#f-patient-languages").getByLabel("English").check();
            page.getByLabel("The patient’s time zone (the city nearest them)").selectOption(new SelectOption().setValue("Asia/Shanghai"));
            page.getByLabel("The patient’s e-mail address").fill("pat.lee@example.org");
            shot(page, "ask-caregiver-who.png");
            // the same step in Arabic, right to left, on a phone
            page.setViewportSize(360, 800);
            page.locator(".languages a[hreflang='ar']").click();
            page.waitForURL(Pattern.compile(".*/my/ask/who\\?lang=ar"));
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("#f-proxy-relationship")).hasValue("son");
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-who-ar-360px.png");
            page.navigate(RunningStack.url(8090, "/my/ask/who?lang=en"));
            page.setViewportSize(1280, 900);
            next(page, "Next", "diagnosis");
            page.getByLabel("The kind of cancer").selectOption("breast");
            next(page, "Next", "treatment");
            page.getByLabel("What your doctors propose").fill("Mastectomy, then chemotherapy.");
            page.getByLabel("Who proposed it").fill("Dr Chen");
            page.getByLabel("When it was proposed").fill(LocalDate.now().minusDays(3).toString());
            page.getByLabel("Removing an organ, or part of one").check();
            page.getByLabel("I do not know").check();
            next(page, "Next", "question");
            page.getByLabel("Your question for the panel").fill("Is breast-conserving surgery possible for my mother?");
            next(page, "Next", "doctor");
            next(page, "Next", "consent");
            page.locator("#f-consent-review").check();
            page.locator("#f-consent-shareWithPanel").check();
            next(page, "Next", "review");
            page.setViewportSize(360, 800);
            assertThat(page.locator("html")).hasJSProperty("scrollWidth", 360);
            lightShot(page, "ask-caregiver-review-360px.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my request")).click();
            page.waitForURL(CASE_PAGE);
            Matcher sent = CASE_PAGE.matcher(page.url());
            assertThat(sent.matches()).isTrue();
            JsonNode theCase = Http.get(RunningStack.url(8081, "/cases/" + sent.group(1))).body();
            assertThat(theCase.at("/caregiver/email").asText()).isEqualTo("sam.lee@example.org");
            assertThat(theCase.at("/patient/email").asText()).isEqualTo("pat.lee@example.org");
            // the patient sees the case her son asked for among her own
            assertThat(Http.as(PATIENT).get(RunningStack.url(8081, "/cases/" + sent.group(1))).status()).isEqualTo(200);
        }
    }

    /** Next, then the step it leads to. */
    private static void next(Page page, String next, String step) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next).setExact(true)).click();
        page.waitForURL(RunningStack.url(8090, "/my/ask/" + step));
    }
}
