package org.consilium.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;

/**
 * Ops at the console (issue 15): a message notification-service cannot apply is dead-lettered by its consumer and
 * shows on the dead-letter page with its case, type, origin and error, never its content; ops discards it with a
 * reason, and the decision (who, why) stays with the row. The pipeline page lists each group's lag. A coordinator is
 * refused the ops pages, and ops the coordinator's desk.
 */
class OpsBrowserTest extends ConsoleBrowserTests {

    @Test
    void opsSeesADeadLetterWithItsCauseAndDiscardsItWithAReason() {
        String key = "ops-poison-" + UUID.randomUUID();
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send(new PoisonRecord(PoisonRecord.Kind.MISSING_PARTS, StackConsumer.NOTIFICATION_COMMANDS, key, key).toRecord());
        }

        try (BrowserContext context = patient(browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)))) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/"), DemoUsers.OPS);
            page.waitForURL(RunningStack.url(8090, "/ops/dead-letters"));

            // dead-lettered after the consumer's retries: reload until it is there. Every group that reads the topic
            // gives it up on its own (notification-service's, and the console's own read model's)
            Locator row = page.locator("tr[data-place^='error.consilium.notification.commands.notification-service/']",
                    new Page.LocatorOptions().setHasText(key));
            for (int tries = 0; tries < 30 && row.count() == 0; tries++) {
                page.waitForTimeout(2000);
                page.reload();
            }
            assertThat(row).hasCount(1);
            assertThat(row).containsText("SendNotification");
            assertThat(row).containsText("consilium.notification.commands");
            assertThat(row).containsText("notification-service");
            assertThat(row).not().containsText("nothing but the case id"); // the content stays on the topic
            shot(page, "ops-dead-letters.png");

            row.getByRole(AriaRole.CHECKBOX).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard the chosen")).click();
            // without a reason: refused, naming the field
            assertThat(page.locator("main")).containsText("reason");
            page.goBack();
            row.getByRole(AriaRole.CHECKBOX).check();
            page.getByLabel(Pattern.compile("Reason")).fill("a test's poison record: nothing to apply");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard the chosen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 dead letter was discarded");

            page.navigate(RunningStack.url(8090, "/ops/dead-letters?state=decided"));
            Locator decided = page.locator("tr[data-place^='error.consilium.notification.commands.notification-service/']",
                    new Page.LocatorOptions().setHasText(key));
            assertThat(decided).containsText("discarded");
            assertThat(decided).containsText("by " + DemoUsers.OPS);
            assertThat(decided).containsText("a test's poison record");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pipeline")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Pipeline");
            assertThat(page.locator("tr[data-group='notification-service']").first()).isVisible();
            shot(page, "ops-pipeline.png");

            org.assertj.core.api.Assertions.assertThat(page.navigate(RunningStack.url(8090, "/worklist")).status()).isEqualTo(403);
        }
        try (BrowserContext context = patient(browser.newContext())) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/ops/dead-letters"), DemoUsers.COORDINATOR);
            page.waitForURL(RunningStack.url(8090, "/ops/dead-letters"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("This page is for the operations team");
        }
    }
}
