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

            // ops sees where a case stopped, never what it says: the case page, its report and the patient's window
            // are closed to ops in the console, and intake answers ops's own token the same
            for (String contentPage : List.of("/cases/" + caseId, "/cases/" + caseId + "/audit", "/my/cases/" + caseId)) {
                Assertions.assertThat(page.navigate(RunningStack.url(8090, contentPage)).status()).as(contentPage).isEqualTo(403);
            }
            Assertions.assertThat(ops.get(RunningStack.url(8081, "/cases/" + caseId)).status()).isEqualTo(403);
            page.navigate(RunningStack.url(8090, "/ops/incidents"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stuck cases")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Stuck cases");
            shot(page, "ops-stuck.png");
        }
    }

    /**
     * The replay story with a real fault: notification-service's consumer of the case events is paused (ops,
     * over the actuator), so the CASE_DECLINED command of a real case finds its case unknown, waits parked and is
     * dead-lettered at the deadline with why; ops sees it with its error, resumes the consumer (the fault removed) and
     * replays it from the page; the patient gets the mail once, and a second replay sends nothing.
     */
    @Test
    void aCommandDeadLetteredWhileItsEventWasHeldUpIsReplayedAfterTheFixAndSentOnce() {
        Http.As ops = Http.as(DemoUsers.OPS);
        String binding = RunningStack.url(8084, "/actuator/bindings/caseEvents-in-0");
        String email = "held-up-" + UUID.randomUUID() + "@example.org";
        String caseId;
        Assertions.assertThat(ops.post(binding, Map.of("state", "PAUSED")).status()).isBetween(200, 204);
        try (BrowserContext context = patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)))) {
            try {
                caseId = CaseDriver.submitLungCase(email);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> CaseDriver.openTasks(caseId), tasks -> tasks.contains("Review intake"));
                CaseDriver.completeTask(caseId, "Review intake", Map.of("accepted", false,
                        "declineReason", "Outside the panels' scope (a test of the ops pages)"));

                Page page = context.newPage();
                signIn(page, RunningStack.url(8090, "/ops/dead-letters"), DemoUsers.OPS);
                page.waitForURL(RunningStack.url(8090, "/ops/dead-letters"));
                Locator row = page.locator("tr[data-place^='error.consilium.notification.commands.notification-service/']",
                        new Page.LocatorOptions().setHasText(caseId));
                for (int tries = 0; tries < 45 && row.count() == 0; tries++) {
                    page.waitForTimeout(2000);
                    page.reload();
                }
                assertThat(row).hasCount(1);
                assertThat(row).containsText("SendNotification");
                assertThat(row).containsText("waiting for CaseSubmitted");
                Assertions.assertThat(CaseDriver.rawMails(email)).as("nothing sent half-addressed").isEmpty();
                shot(page, "ops-dead-letter-held-up.png");
            } finally {
                Assertions.assertThat(ops.post(binding, Map.of("state", "RESUMED")).status()).isBetween(200, 204);
            }
            // the fault is removed: replayed, the command is applied (parked again for a moment if the resumed
            // consumer has not applied the case yet)
            Page page = context.pages().get(0);
            Locator row = page.locator("tr[data-place^='error.consilium.notification.commands.notification-service/']",
                    new Page.LocatorOptions().setHasText(caseId));
            row.getByRole(AriaRole.CHECKBOX).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay the chosen")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 dead letter was sent back to their topic");
            assertThat(page.locator("tr[data-place^='error.consilium.notification.commands.notification-service/']",
                    new Page.LocatorOptions().setHasText(caseId))).hasCount(0);

            await().atMost(Duration.ofSeconds(60)).until(() -> CaseDriver.rawMails(email).size() == 1);
            page.navigate(RunningStack.url(8090, "/ops/dead-letters?state=decided"));
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(caseId)).first()).containsText("replayed");
            page.waitForTimeout(5000);
            Assertions.assertThat(CaseDriver.rawMails(email)).as("sent once").hasSize(1);
        }
    }
}
