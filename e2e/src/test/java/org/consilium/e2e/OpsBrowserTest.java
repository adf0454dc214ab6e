package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.consilium.e2e.ConsoleBrowser.patient;
import static org.consilium.e2e.ConsoleBrowser.shot;
import static org.consilium.e2e.ConsoleBrowser.signIn;
import static org.awaitility.Awaitility.await;

/**
 * Ops at the console (issue 15): a message notification-service cannot apply is dead-lettered by its consumer and
 * shows on the dead-letter page with its case, type, origin and error, never its content; ops discards it with a
 * reason, and the decision (who, why) stays with the row. The pipeline page lists each group's lag. A coordinator is
 * refused the ops pages, and ops the coordinator's desk. An engine incident on a case shows with its case and is
 * retried from the incidents page.
 */
class OpsBrowserTest extends ConsoleBrowserTests {

    @Test
    void opsSeesADeadLetterWithItsCauseAndDiscardsItWithAReason() {
        String key = "ops-poison-" + UUID.randomUUID();
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send(new PoisonRecord(PoisonRecord.Kind.MISSING_PARTS, StackConsumer.NOTIFICATION_COMMANDS, key, key).toRecord());
        }

        try (BrowserContext context = patient(browser.newContext(new Browser.NewContextOptions()
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
            // each service's own backlog, from its metrics, read with the ops user's token
            for (String service : List.of("bpmn", "intake-service", "records-service", "mdt-scheduler",
                    "notification-service")) {
                assertThat(page.locator("tr[data-service='" + service + "']")).not().containsText("not answering");
            }
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

    /**
     * A case's job that has run out of retries is an engine incident: made here the way an operator would see one
     * (its retries set to 0 over the engine's API), shown with its case on the incidents page, given a retry there,
     * and gone from the engine afterwards.
     */
    @Test
    void opsRetriesTheStepAnIncidentStopped() {
        String caseId = CaseDriver.submitLungCase("incident-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> CaseDriver.openTasks(caseId), tasks -> tasks.contains("Review intake"));
        // accepted: collecting its records, the case runs on the records deadline and its reminder, timer jobs
        CaseDriver.completeTask(caseId, "Review intake", Map.of("accepted", true));
        CaseDriver.awaitChecklist(caseId);
        Http.As ops = Http.as(DemoUsers.OPS);
        String instance = ops.get(RunningStack.url(8080, "/engine-rest/process-instance?businessKey=" + caseId))
                .body().get(0).get("id").asText();
        JsonNode jobs = await().atMost(Duration.ofSeconds(30)).until(() -> ops.get(RunningStack.url(8080,
                "/engine-rest/job?timers=true&processInstanceId=" + instance)).body(), found -> found.size() > 0);
        String job = jobs.get(0).get("id").asText();
        Assertions.assertThat(ops.put(RunningStack.url(8080, "/engine-rest/job/" + job + "/retries"),
                Map.of("retries", 0)).status()).isEqualTo(204);
        String incidents = RunningStack.url(8080, "/engine-rest/incident?processInstanceId=" + instance);
        Assertions.assertThat(ops.get(incidents).body().size()).isEqualTo(1);

        try (BrowserContext context = patient(browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)))) {
            Page page = context.newPage();
            signIn(page, RunningStack.url(8090, "/ops/incidents"), DemoUsers.OPS);
            page.waitForURL(RunningStack.url(8090, "/ops/incidents"));
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(caseId));
            assertThat(row).hasCount(1);
            assertThat(row).containsText("failedJob");
            shot(page, "ops-incidents.png");

            row.getByRole(AriaRole.CHECKBOX).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry the chosen steps")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 incident was given a retry");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(caseId))).hasCount(0);
            Assertions.assertThat(ops.get(incidents).body().size()).as("resolved in the engine").isZero();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stuck cases")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Stuck cases");
            shot(page, "ops-stuck.png");
        }
    }
}
