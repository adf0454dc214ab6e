package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.*;

/**
 * Starts the stack exactly as a user does and takes cases through it over the public HTTP APIs
 * only: intake, the engine's REST API for the coordinator's tasks, record uploads, the panel's
 * opinions and consensus, and the SMTP server's inbox.
 */
@ExtendWith(SharedStack.class)
class SecondOpinionJourneyTest {

    @Test
    void aCaseTravelsFromIntakeToADeliveredReport() {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caregiver = "caregiver-" + UUID.randomUUID() + "@example.org";
        String caseId = submitLungCaseWithCaregiver(email, caregiver);

        completeTask(caseId, "Review intake", Map.of("accepted", true));
        requiredItems(awaitChecklist(caseId)).forEach(item -> upload(caseId, item));
        awaitRecordsComplete(caseId);
        completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
        panelConcludes(caseId);
        onlyItsPeopleSeeTheCase(caseId);
        releaseReport(caseId);

        awaitProcessCompleted(caseId);
        await("intake shows the delivery").atMost(Duration.ofSeconds(30)).until(() -> stage(caseId),
                "REPORT_DELIVERED"::equals);
        // ADR 15: the caregiver acting for Budi gets the report (hers is the delivery the case waits for), and so
        // does Budi at his own address, right after: each once
        assertThat(mailsWithSubject(caregiver, REPORT_SUBJECT)).as("the report mail arrives exactly once").isEqualTo(1);
        await("Budi's own copy").atMost(Duration.ofSeconds(30)).until(() -> mailsWithSubject(email, REPORT_SUBJECT) >= 1);
        assertThat(mailsWithSubject(email, REPORT_SUBJECT)).isEqualTo(1);
        theEngineKnowsNoOneByName(caseId, email);

        List<ConsumerRecord<String, byte[]>> caseEvents = records("consilium.case.events", caseId);
        assertThat(caseEvents).isNotEmpty().allSatisfy(r -> {
            assertThat(header(r, "ce_subject")).isEqualTo(caseId);
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_type")).matches("org\\.consilium\\.[a-z]+\\.[A-Za-z]+\\.v\\d+");
            assertThat(header(r, "ce_id")).isNotBlank();
            assertThat(header(r, "ce_time")).isNotBlank();
        });
        assertThat(records("consilium.notification.events", caseId)).extracting(r -> header(r, "ce_type"))
                .contains("org.consilium.notification.ReportDelivered.v1");
    }

    /**
     * Issue 11 §4 as it was found: ops may read the engine's history, and it holds no name, address, question or
     * report word of the case, in any variable of the case or its follow-up.
     */
    private static void theEngineKnowsNoOneByName(String caseId, String email) {
        Http.Response variables = Http.as(DemoUsers.OPS).get(RunningStack.url(8080,
                "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceIdIn="
                        + String.join(",", processInstanceIds(caseId))));
        assertThat(variables.status()).as(variables.raw()).isEqualTo(200);
        assertThat(variables.body().findValuesAsText("name")).contains("caseId", "urgency", "reportVersion");
        assertThat(variables.raw()).doesNotContain(email, "Budi", "Santoso", "chemotherapy or immunotherapy",
                "Lobectomy then adjuvant", "Dr Hartono");
    }

    private static List<String> processInstanceIds(String caseId) {
        List<String> ids = new ArrayList<>();
        for (String key : List.of(caseId, caseId + ":follow-up")) {
            Http.as(DemoUsers.OPS).get(RunningStack.url(8080, "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8))).body()
                    .forEach(instance -> ids.add(instance.get("id").asText()));
        }
        return ids;
    }

    /**
     * Issue 6 across the running services: another patient, a specialist of another panel and an
     * operator are refused this case everywhere, and the refusals are on the case's audit trail.
     */
    private static void onlyItsPeopleSeeTheCase(String caseId) {
        JsonNode review = Http.get(RunningStack.url(8083, "/reviews/" + caseId)).body();
        Set<String> panel = new HashSet<>();
        review.get("panel").forEach(m -> panel.add(m.get("specialistId").asText()));
        String outsider = Http.get(RunningStack.url(8083, "/specialists")).body().findValuesAsText("id").stream()
                .filter(id -> !panel.contains(id)).findFirst().orElseThrow();

        assertThat(Http.as("pat.lee").get(RunningStack.url(8081, "/cases/" + caseId)).status()).isEqualTo(403);
        assertThat(Http.as("pat.lee").get(RunningStack.url(8082, "/cases/" + caseId + "/records")).status()).isEqualTo(403);
        assertThat(Http.as(outsider).get(RunningStack.url(8083, "/reviews/" + caseId)).status()).isEqualTo(403);
        assertThat(Http.as(outsider).get(RunningStack.url(8082, "/cases/" + caseId + "/records")).status()).isEqualTo(403);
        assertThat(Http.as(DemoUsers.OPS).get(RunningStack.url(8082, "/cases/" + caseId + "/records")).status())
                .isEqualTo(403);
        String member = panel.iterator().next();
        assertThat(Http.as(member).get(RunningStack.url(8083, "/reviews/" + caseId)).status()).isEqualTo(200);
        assertThat(Http.anonymousGet(RunningStack.url(8083, "/reviews/" + caseId)).status()).isEqualTo(401);

        JsonNode trail = Http.get(RunningStack.url(8083, "/cases/" + caseId + "/audit")).body();
        assertThat(trail.findValuesAsText("value")).contains(outsider, member);
        assertThat(trail.findValuesAsText("outcome")).contains("0", "4");
    }

    @Test
    void aFhirBundleWithItsRecordsNeedsNoUploadOnlyVerification() {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caseId = submitBreastBundle(email);

        completeTask(caseId, "Review intake", Map.of("accepted", true));
        awaitRecordsComplete(caseId);
        await("only verification is left").atMost(Duration.ofSeconds(60)).until(() -> openTasks(caseId),
                tasks -> tasks.equals(List.of("Verify dossier")));

        JsonNode checklist = Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body();
        assertThat(checklist.at("/counts/requiredMissing").asInt()).isZero();
        assertThat(checklist.at("/counts/documents").asInt()).as("pathology, mammogram, first opinion, medications")
                .isEqualTo(4);
        JsonNode imported = Http.get(RunningStack.url(8082, "/cases/" + caseId + "/intake-documents")).body();
        assertThat(imported.get("documents")).hasSize(4).allSatisfy(d ->
                assertThat(d.get("state").asText()).as(d.toString()).isEqualTo("IMPORTED"));
        assertThat(imported.get("documents")).extracting(d -> d.get("item").asText()).containsExactlyInAnyOrder(
                "pathology-report", "mammogram-ultrasound", "first-opinion", "current-medications");
        completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
        await("on to the panel").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)).status() == 200);
    }

    @Test
    void aCaseWithdrawnWhileWaitingForRecordsStopsEverywhere() {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caseId = submitLungCase(email);
        completeTask(caseId, "Review intake", Map.of("accepted", true));
        awaitChecklist(caseId);

        Http.Response withdrawn = Http.post(RunningStack.url(8081, "/cases/" + caseId + "/withdraw"),
                Map.of("reason", "Surgery brought forward at home"));
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(202);

        awaitProcessCompleted(caseId);
        await("records stopped").atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body().path("status").asText(),
                "CANCELLED"::equals);
        await("patient told").atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(email, WITHDRAWN_SUBJECT) > 0);
        assertThat(mailsWithSubject(email, WITHDRAWN_SUBJECT)).isEqualTo(1);
        assertThat(stage(caseId)).isEqualTo("WITHDRAWN");
        Http.Response upload = Http.upload(RunningStack.url(8082, "/cases/" + caseId + "/documents"),
                "pathology-report", "late.pdf", "application/pdf", samplePdf("late"));
        assertThat(upload.status()).as("an upload after withdrawal is refused").isEqualTo(409);
    }
}
