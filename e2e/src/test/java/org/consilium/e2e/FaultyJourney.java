package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.consilium.e2e.CaseDriver.lungIntake;
import static org.consilium.e2e.CaseDriver.requiredItems;
import static org.consilium.e2e.CaseDriver.samplePdf;

/**
 * One lung case driven from submission to the coordinator's release while the stack is being killed around it:
 * every step is retried until it is answered, and every 2xx goes into the ledger with the read that must still
 * show it after the faults. The steps are the people's (referrer, coordinator, panel); the rest is the platform's.
 */
final class FaultyJourney implements Runnable {
    private final String email = "patient-" + UUID.randomUUID() + "@example.org";
    private final Persistently client;
    private final AcknowledgedWrites ledger;
    private final java.time.Duration think;
    private volatile String caseId;
    private volatile String reachedStep = "not started";

    FaultyJourney(Persistently client, AcknowledgedWrites ledger, java.time.Duration think) {
        this.client = client;
        this.ledger = ledger;
        this.think = think;
    }

    String email() {
        return email;
    }

    String caseId() {
        return caseId;
    }

    String reachedStep() {
        return reachedStep;
    }

    @Override
    public void run() {
        submit();
        completeTask("Review intake", Map.of("accepted", true));
        reachedStep = "uploads";
        JsonNode checklist = client.await("the checklist of " + caseId,
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")), r -> r.status() == 200).body();
        requiredItems(checklist).forEach(this::upload);
        reachedStep = "records complete";
        client.await("the records of " + caseId + " complete",
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body().path("status").asText(),
                "COMPLETE"::equals);
        completeTask("Verify dossier", Map.of("dossierVerified", true));
        panelConcludes();
        reportDesk("approve", "already-approved");
        reportDesk("release", "report-released");
        reachedStep = "released";
    }

    private void submit() {
        pause();
        reachedStep = "submit";
        // the key makes a retry after a lost answer return the case the first try created, not a second case
        String key = UUID.randomUUID().toString();
        String intake = lungIntake(email);
        String[] created = new String[1];
        Persistently.Outcome outcome = client.call("submission for " + email,
                () -> {
                    Http.Response answer = Http.as(DemoUsers.REFERRER).post(RunningStack.url(8081, "/cases"), intake,
                            Map.of("Idempotency-Key", key));
                    if (answer.status() / 100 == 2) {
                        created[0] = answer.body().path("caseId").asText();
                    }
                    return answer;
                },
                answer -> answer.status() == 201 || answer.status() == 200, answer -> false);
        caseId = created[0];
        String id = caseId;
        if (outcome == Persistently.Outcome.ACKNOWLEDGED) {
            ledger.acknowledged(id, "submitted", () -> Http.get(RunningStack.url(8081, "/cases/" + id)).status() == 200);
        }
    }

    private void completeTask(String name, Map<String, Object> variables) {
        pause();
        reachedStep = name;
        String id = caseId;
        JsonNode task = client.await("task " + name + " of " + id, () -> openTask(id, name), found -> true);
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        String taskId = task.path("id").asText();
        Persistently.Outcome outcome = client.call(name + " of " + id,
                () -> Http.post(RunningStack.url(8080, "/engine-rest/task/" + taskId + "/complete"), Map.of("variables", typed)),
                answer -> answer.status() == 204,
                // an earlier try completed it and its answer was lost: the task is gone, and the history says completed
                answer -> answer.status() == 404 && completed(taskId));
        if (outcome == Persistently.Outcome.ACKNOWLEDGED) {
            ledger.acknowledged(id, name + " completed", () -> completed(taskId));
        }
    }

    private void upload(String item) {
        pause();
        String id = caseId;
        byte[] content = samplePdf(id + " " + item);
        String[] documentId = new String[1];
        Persistently.Outcome outcome = client.call("upload of " + item + " to " + id,
                () -> {
                    Http.Response answer = Http.upload(RunningStack.url(8082, "/cases/" + id + "/documents"), item,
                            item + ".pdf", "application/pdf", content);
                    if (answer.status() == 201) {
                        documentId[0] = answer.body().path("id").asText();
                    }
                    return answer;
                },
                answer -> answer.status() == 201,
                // the same bytes stored by a try whose answer was lost
                answer -> answer.status() == 409 && answer.raw().contains("duplicate-document"));
        if (outcome == Persistently.Outcome.ACKNOWLEDGED) {
            String url = RunningStack.url(8082, "/cases/" + id + "/documents/" + documentId[0]);
            String expected = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
            ledger.acknowledged(id, "document " + item + " (" + documentId[0] + ")", () -> {
                Http.Response download = Http.get(url);
                return download.status() == 200 && download.raw().equals(expected);
            });
        }
    }

    private void panelConcludes() {
        reachedStep = "panel";
        String id = caseId;
        // a panel with its chair: a review read without one (cancelled before it was scheduled, a panel still being
        // seated) is waited out and, past a person's patience, reported as it was read, not signed by nobody
        JsonNode review = client.await("the panel of " + id + " with its chair",
                () -> Http.get(RunningStack.url(8083, "/reviews/" + id)),
                r -> r.status() == 200 && StreamSupport.stream(r.body().path("panel").spliterator(), false)
                        .anyMatch(member -> member.path("chair").asBoolean())).body();
        String chair = null;
        List<String> members = new ArrayList<>();
        for (JsonNode member : review.get("panel")) {
            members.add(member.get("specialistId").asText());
            if (member.get("chair").asBoolean()) {
                chair = member.get("specialistId").asText();
            }
        }
        for (String specialist : members) {
            pause();
            Persistently.Outcome outcome = client.call("opinion of " + specialist + " on " + id,
                    () -> Http.as(specialist).post(RunningStack.url(8083, "/reviews/" + id + "/opinions"), Map.of(
                            "specialistId", specialist,
                            "recommendation", "Neoadjuvant chemo-immunotherapy, then re-stage and operate",
                            "agreesWithFirstOpinion", false, "confidence", "HIGH")),
                    answer -> answer.status() == 201 || answer.status() == 200, answer -> false);
            if (outcome == Persistently.Outcome.ACKNOWLEDGED) {
                ledger.acknowledged(id, "opinion of " + specialist, () -> StreamSupport.stream(
                                Http.get(RunningStack.url(8083, "/reviews/" + id)).body().path("opinions").spliterator(), false)
                        .anyMatch(opinion -> specialist.equals(opinion.path("specialistId").asText())));
            }
        }
        String signer = chair;
        pause();
        Persistently.Outcome outcome = client.call("consensus on " + id,
                () -> Http.as(signer).post(RunningStack.url(8083, "/reviews/" + id + "/consensus"), Map.of(
                        "chairId", signer, "confirmsFirstOpinion", false,
                        "recommendation", "Neoadjuvant chemo-immunotherapy before lobectomy, after EGFR/ALK/PD-L1 testing",
                        "plainLanguageSummary", "The panel suggests medicine before the operation to shrink the tumour.",
                        "differenceExplanation", "Molecular results were missing; stage IIIA benefits from treatment first.")),
                answer -> answer.status() == 201,
                answer -> answer.status() == 409 && answer.raw().contains("review-concluded"));
        if (outcome == Persistently.Outcome.ACKNOWLEDGED) {
            ledger.acknowledged(id, "consensus", () -> !Http.get(RunningStack.url(8083, "/reviews/" + id)).body()
                    .path("consensus").isMissingNode());
        }
    }

    private void reportDesk(String step, String alreadySlug) {
        pause();
        reachedStep = "report " + step;
        String id = caseId;
        Persistently.Outcome outcome = client.call(step + " of the report of " + id,
                () -> Http.post(RunningStack.url(8083, "/reviews/" + id + "/report/" + step), Map.of("coordinator", "cora.nolan")),
                answer -> answer.status() == 200,
                answer -> answer.status() == 409 && answer.raw().contains(alreadySlug));
        if (outcome == Persistently.Outcome.ACKNOWLEDGED) {
            ledger.acknowledged(id, "report " + step, () -> {
                JsonNode report = Http.get(RunningStack.url(8083, "/reviews/" + id + "/report")).body();
                return report.hasNonNull("approve".equals(step) ? "approvedAt" : "releasedAt");
            });
        }
    }

    /** A person's pause before a step: 0 to twice the think time, so the cases spread over the stages. */
    private void pause() {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2 * think.toMillis() + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode openTask(String caseId, String name) {
        Http.Response tasks = Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId));
        if (tasks.status() != 200) {
            return null;
        }
        return StreamSupport.stream(tasks.body().spliterator(), false)
                .filter(task -> name.equals(task.path("name").asText())).findFirst().orElse(null);
    }

    private static boolean completed(String taskId) {
        JsonNode history = Http.get(RunningStack.url(8080, "/engine-rest/history/task?taskId=" + taskId)).body();
        return history.isArray() && history.size() == 1 && "completed".equals(history.get(0).path("deleteReason").asText());
    }
}
