package org.consilium.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the staff pages in English and Simplified Chinese, chosen per user. A coordinator whose browser asks for
 * English switches to 简体中文 in the header; the worklist and the case page (its task form, the records, the report
 * section) are in Chinese with {@code <html lang="zh-Hans">}, and the choice is kept in her session for the next page
 * until she switches back. A coordinator whose sign-in says {@code locale zh-CN} gets Chinese without choosing.
 * axe-core checks the Chinese pages as it checks the English ones.
 */
class StaffLanguageBrowserTest extends ConsoleBrowserTests {
    /** The embedded provider's coordinator whose ID token carries {@code locale: zh-CN} (identity-provider DemoUsers). */
    private static final String CHINESE_READING_COORDINATOR = "wei.chen";

    private static BrowserContext english(Browser browser) {
        // Playwright's own default is the browser's en-US; said here so that the English start does not depend on it
        return patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US")));
    }

    @Test
    void aCoordinatorSwitchesToChineseAndTheChoiceCarriesToTheCasePage() {
        String caseId = CaseDriver.submitLungCase("staff-zh-" + UUID.randomUUID() + "@example.org");
        await("the case's Review intake").atMost(Duration.ofSeconds(60))
                .until(() -> CaseDriver.openTasks(caseId), tasks -> tasks.contains("Review intake"));

        try (BrowserContext context = english(browser)) {
            Page page = context.newPage();
            // newest first: the case just submitted is on the first page however much work the shared stack holds
            signIn(page, RunningStack.url(8090, "/worklist?sort=newest"), DemoUsers.COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/worklist?sort=newest"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Worklist");

            // the switcher: each language in its own name, a link a keyboard reaches like any other
            Locator switcher = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"));
            assertThat(switcher.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English")))
                    .hasAttribute("aria-current", "true");
            Locator chinese = switcher.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("简体中文"));
            assertThat(chinese).hasAttribute("lang", "zh-Hans");
            chinese.focus();
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/worklist\\?sort=newest&lang=zh$"));

            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.locator("h1")).hasText("工作列表");
            assertThat(page.locator("table.worklist").first().locator("thead")).containsText("剩余时间");
            Locator row = page.locator("tr[data-case='" + caseId + "']");
            assertThat(row).containsText("审核受理申请");
            assertThat(row).containsText("肺癌");
            assertThat(page.locator("#reports-heading")).hasText("待您质控的报告");
            // the switcher itself is named in the page's language now
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("语言"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("简体中文")))
                    .hasAttribute("aria-current", "true");
            shot(page, "worklist-zh.png");

            // the next page, without ?lang: the choice is the session's
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("审核受理申请").setExact(true)).click();
            page.waitForURL(RunningStack.url(8090, "/cases/" + caseId));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.locator("#case-heading")).hasText("病例概况");
            assertThat(page.locator("#tasks-heading")).hasText("待办任务");
            Locator card = ConsoleBrowser.task(page, "审核受理申请");
            assertThat(card).containsText("受理病例");
            assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成“审核受理申请”")))
                    .isVisible();
            assertThat(page.locator("#report-heading")).hasText("报告");
            assertThat(page.locator("#timeline-heading")).hasText("时间线");
            // what people wrote stays as written: the question is the patient's own
            assertThat(page.locator("main")).containsText("Should I");
            shot(page, "case-zh.png");

            // and back: English, kept in turn
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("语言"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English")).click();
            page.waitForURL(Pattern.compile(".*/cases/" + Pattern.quote(caseId) + "\\?lang=en$"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("#case-heading")).hasText("The case");
            page.navigate(RunningStack.url(8090, "/worklist"));
            assertThat(page.locator("h1")).hasText("Worklist");
        }
    }

    @Test
    void aCoordinatorWhoseSignInSaysChineseReadsChineseWithoutChoosing() {
        try (BrowserContext context = english(browser)) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/worklist"), CHINESE_READING_COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/worklist"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.locator("h1")).hasText("工作列表");
            // her own choice still wins over her sign-in's language
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            page.waitForURL(Pattern.compile(".*/worklist\\?lang=en$"));
            assertThat(page.locator("h1")).hasText("Worklist");
        }
    }
}
