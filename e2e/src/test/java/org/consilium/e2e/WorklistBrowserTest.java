package org.consilium.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

/**
 * Issue 13, part 2: the worklist over the console's read model (ADR 18), in Chromium against the stack. A case
 * submitted while the coordinator looks at the list appears without a reload; the keyboard finds it (/ to search,
 * j/k to move, c to claim, Enter to open); two tasks are assigned to another coordinator at once; a filter that cannot
 * be is refused naming its field; the case page shows the case's timeline across the services.
 */
class WorklistBrowserTest extends ConsoleBrowserTests {
    private static final String ARABIC_NAME = "فاطمة الزهراء (أم علي)";

    @Test
    void newWorkAppearsLiveTheKeyboardClaimsItAndTwoTasksAreAssignedAtOnce() {
        String first = CaseDriver.submitLungCase("worklist-" + UUID.randomUUID() + "@example.org");
        await("the first case's Review intake").atMost(Duration.ofSeconds(60))
                .until(() -> CaseDriver.openTasks(first), tasks -> tasks.contains("Review intake"));

        try (BrowserContext context = patient(browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)))) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/worklist"), DemoUsers.COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/worklist"));
            assertThat(page.locator("tr[data-case='" + first + "']")).containsText("Review intake");

            // new work, without a reload: the page listens to the console's server-sent events
            // a patient whose name is written right to left: laid out so, and the row around it in order
            String second = CaseDriver.submitLungCase("worklist-" + UUID.randomUUID() + "@example.org", ARABIC_NAME, "EG",
                    "[\"ar\", \"en\"]", "Africa/Cairo");
            Locator secondRow = page.locator("tr[data-case='" + second + "']");
            assertThat(secondRow).containsText("Review intake");
            assertThat(secondRow).containsText(ARABIC_NAME);
            assertThat(page.locator("#worklist-news")).containsText("new work has arrived");
            assertThat(page).hasURL(RunningStack.url(8090, "/worklist"));
            shot(page, "worklist-live.png");

            // the keyboard: / to the search, the case id, j to its row, c to claim it
            page.locator("body").press("/");
            assertThat(page.locator("#q")).isFocused();
            page.locator("#q").fill(second);
            page.locator("#q").press("Enter");
            page.waitForURL(Pattern.compile(".*q=" + Pattern.quote(second) + ".*"));
            assertThat(page.locator("tr[data-task]")).hasCount(1);
            page.locator("#q").blur();
            page.keyboard().press("j");
            assertThat(secondRow).isFocused();
            shot(page, "worklist-keyboard.png");
            page.keyboard().press("c");
            assertThat(page.locator("tr[data-case='" + second + "'] td[data-label=Assignee]")).hasText(DemoUsers.COORDINATOR);

            // a patient found by a word of her name, typed as a coordinator would (the console keeps no name: only
            // keyed hashes of its words, caseview.PatientNames)
            assertThat(page.locator("label[for=q]")).hasText("Search by case id or patient name");
            page.locator("#q").fill("الزهراء");
            page.locator("#q").press("Enter");
            page.waitForURL(Pattern.compile(".*q=.*"));
            assertThat(page.locator("tr[data-case='" + second + "']")).hasCount(1);
            assertThat(page.locator("tr[data-case='" + first + "']")).hasCount(0);
            shot(page, "worklist-name-search.png");

            // both cases' tasks chosen and assigned to the other coordinator at once
            page.navigate(RunningStack.url(8090, "/worklist?assignee=&sort=newest"));
            page.locator("tr[data-case='" + first + "'] input[name=taskId]").check();
            page.locator("tr[data-case='" + second + "'] input[name=taskId]").check();
            page.getByLabel("Assign the chosen tasks to").selectOption(DemoUsers.SECOND_COORDINATOR);
            shot(page, "worklist-bulk-assign.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("assigned to")))
                    .containsText("2 tasks assigned to " + DemoUsers.SECOND_COORDINATOR);
            assertThat(page.locator("tr[data-case='" + first + "'] td[data-label=Assignee]")).hasText(DemoUsers.SECOND_COORDINATOR);
            assertThat(page.locator("tr[data-case='" + second + "'] td[data-label=Assignee]")).hasText(DemoUsers.SECOND_COORDINATOR);
            assertThat(Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + first)).raw())
                    .contains("\"assignee\":\"" + DemoUsers.SECOND_COORDINATOR + "\"");

            // filters are links; the other coordinator's tasks, urgent lung cases
            page.navigate(RunningStack.url(8090, "/worklist?assignee=ana.okafor&tumour=lung&urgency=URGENT"));
            assertThat(page.locator("tr[data-case='" + first + "']")).hasCount(1);
            assertThat(page.locator("#assignee")).hasValue(DemoUsers.SECOND_COORDINATOR);
            shot(page, "worklist-filtered.png");

            // a colleague's task is not taken from her by a bulk assignment unless that is asked for
            page.navigate(RunningStack.url(8090, "/worklist?assignee=&sort=newest"));
            page.locator("tr[data-case='" + first + "'] input[name=taskId]").check();
            page.getByLabel("Assign the chosen tasks to").selectOption(DemoUsers.COORDINATOR);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("not assigned")))
                    .containsText("claimed by " + DemoUsers.SECOND_COORDINATOR);
            assertThat(page.locator("tr[data-case='" + first + "'] td[data-label=Assignee]")).hasText(DemoUsers.SECOND_COORDINATOR);
            page.locator("tr[data-case='" + first + "'] input[name=taskId]").check();
            page.getByLabel("Assign the chosen tasks to").selectOption(DemoUsers.COORDINATOR);
            page.getByLabel("take over tasks a colleague has claimed").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("assigned to")))
                    .containsText("1 task assigned to " + DemoUsers.COORDINATOR);
            assertThat(page.locator("tr[data-case='" + first + "'] td[data-label=Assignee]")).hasText(DemoUsers.COORDINATOR);

            // what cannot be a filter is refused, naming the field
            Response refused = page.navigate(RunningStack.url(8090, "/worklist?stage=NOWHERE"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("main")).containsText("stage must be one of");

            // Enter on a row opens its task on the case page; the case's timeline is there, across the services
            page.navigate(RunningStack.url(8090, "/worklist?q=" + first));
            page.keyboard().press("j");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(Pattern.quote(RunningStack.url(8090, "/cases/" + first)) + "#task-.*"));
            Locator timeline = page.locator("#timeline");
            assertThat(timeline.locator("li[data-event=CaseSubmitted]")).containsText("intake-service");
            assertThat(timeline.locator("li[data-event=TaskOpened]")).containsText("Task opened: Review intake");
            assertThat(timeline.locator("li[data-event=TaskAssigned]").filter(new Locator.FilterOptions()
                    .setHasText("assigned to " + DemoUsers.SECOND_COORDINATOR))).hasCount(1);
            assertThat(timeline).not().containsText("Should I have chemotherapy");
            timeline.scrollIntoViewIfNeeded();
            shot(page, "case-timeline.png");
        }
    }
}
