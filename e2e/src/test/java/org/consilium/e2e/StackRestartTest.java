package org.consilium.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.*;

/**
 * The promise of the data directory: stop the whole stack mid-case, start it again, and the case
 * goes on where it was; kill one service hard, and the stack brings it back without losing work.
 */
@Order(1) // before the journeys' shared stack starts on the same ports (junit-platform.properties)
class StackRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aCaseContinuesAfterTheStackRestartsAndAServiceIsKilled() throws IOException {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caseId;
        List<String> required;
        try (RunningStack stack = RunningStack.start(dataDir)) {
            caseId = submitLungCase(email);
            completeTask(caseId, "Review intake", Map.of("accepted", true));
            required = requiredItems(awaitChecklist(caseId));
            upload(caseId, required.get(0));
            upload(caseId, required.get(1));
        }

        try (RunningStack stack = RunningStack.start(dataDir)) {
            assertThat(stage(caseId)).isEqualTo("COLLECTING_RECORDS");
            long received = java.util.stream.StreamSupport.stream(awaitChecklist(caseId).get("items").spliterator(), false)
                    .filter(item -> "RECEIVED".equals(item.path("status").asText())).count();
            assertThat(received).as("documents uploaded before the restart are still there").isEqualTo(2);

            // kill -9 records-service mid-collection: the stack restarts it and nothing is lost
            long pid = Long.parseLong(Files.readString(dataDir.resolve("run/records-service.pid")).trim());
            assertThat(ProcessHandle.of(pid).flatMap(process -> process.info().commandLine()).orElse(""))
                    .as("the services run from their unpacked jars (about half the CPU of a start from the nested jar)")
                    .contains("/records-service/target/unpacked/");
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().join();
            });
            await("records-service back").atMost(Duration.ofSeconds(120)).ignoreExceptions().until(
                    () -> Http.anonymousGet(RunningStack.url(8082, "/actuator/health/readiness")).status() == 200);

            required.stream().skip(2).forEach(item -> upload(caseId, item));
            awaitRecordsComplete(caseId);
            completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
            panelConcludes(caseId);
            releaseReport(caseId);
            awaitProcessCompleted(caseId);
            await("report mailed").atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(email, REPORT_SUBJECT) > 0);
            assertThat(mailsWithSubject(email, REPORT_SUBJECT)).isEqualTo(1);
            assertThat(stage(caseId)).isEqualTo("REPORT_DELIVERED");
        }
    }
}
