package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.*;

/**
 * Issue 11's last way out of a panel gap, through the running stack: a lung case from Brazil, where no specialist of
 * the directory is licensed. The coordinator invites a Brazilian pathologist from a partner hospital as a guest and
 * widens licensure for two other disciplines (the patient consented to cross-border transfer); the guest finds the
 * invitation in their mailbox (GreenMail), opens the link with no account, reads the brief and gives an opinion;
 * the chair's consensus counts it, and the case ends with the report delivered.
 */
@ExtendWith(SharedStack.class)
class GuestSpecialistJourneyTest {
    private static final Pattern LINK = Pattern.compile("(http://\\S+/reviews/\\S+/guest\\?link=[A-Za-z0-9_.-]+)");

    @Test
    void aBrazilianCaseNoDirectorySpecialistCanTakeIsReviewedWithAGuestPathologist() {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caseId = submitLungCase(email, "Ana Lima", "BR", "[\"pt\", \"en\"]", "America/Sao_Paulo");
        completeTask(caseId, "Review intake", Map.of("accepted", true));
        requiredItems(awaitChecklist(caseId)).forEach(item -> upload(caseId, item));
        awaitRecordsComplete(caseId);
        completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));

        // no panel: mdt-scheduler says why, and the coordinator has the task
        await("the panel gap").atMost(Duration.ofSeconds(90)).until(
                () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)).status() == 409);
        await("the coordinator's task").atMost(Duration.ofSeconds(90))
                .until(() -> openTasks(caseId).contains("Resolve a failed step"));

        // a guest pathologist, licensed in Brazil: not enough alone
        String guestEmail = "guest-" + UUID.randomUUID() + "@hospital-parceiro.example";
        Http.Response invited = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/guests"), Map.of(
                "name", "Dra Beatriz Costa", "email", guestEmail, "discipline", "pathologist",
                "institution", "Hospital Parceiro, São Paulo", "licensedIn", List.of("BR"),
                "timeZone", "America/Sao_Paulo", "languages", List.of("pt", "en"),
                "reason", "Reads lung pathology for our partner programme; licensed in Brazil"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().get("outcome").asText()).isEqualTo("PANEL_INCOMPLETE");
        List<String> missing = new ArrayList<>();
        invited.body().get("missing").forEach(m -> missing.add(m.get("discipline").asText()));
        assertThat(missing).contains("medical-oncologist", "radiologist").doesNotContain("pathologist");

        // with licensure widened for the medical oncologist and the radiologist, the panel sits: two and the guest
        Http.Response scheduled = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/schedule"), Map.of(
                "crossBorderDisciplines", List.of("medical-oncologist", "radiologist"),
                "reason", "No oncologist or radiologist of the directory is licensed in Brazil; tele-review agreed"));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(200);
        List<JsonNode> panel = new ArrayList<>();
        scheduled.body().get("panel").forEach(panel::add);
        JsonNode guest = panel.stream().filter(m -> m.get("guest").asBoolean()).findFirst().orElseThrow();
        assertThat(guest.get("discipline").asText()).isEqualTo("pathologist");
        assertThat(guest.get("chair").asBoolean()).isFalse();
        String guestId = guest.get("specialistId").asText();
        // the coordinator closes the failed step with what was done (the case went on waiting for its panel)
        completeTask(caseId, "Resolve a failed step", Map.of("retryStep", false, "declineCase", false,
                "resolutionNote", "Guest pathologist from Hospital Parceiro invited; licensure widened for two seats"));

        // the guest's invitation, as they receive it, with their link
        String subject = "Guest invitation to an MDT review: case " + caseId;
        await("the guest's invitation").atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(guestEmail, subject) == 1);
        String text = plainText(rawMails(guestEmail).get(0));
        assertThat(text).contains("Dear Dra Beatriz Costa", "as the pathologist");
        Matcher found = LINK.matcher(text);
        assertThat(found.find()).as(text).isTrue();
        String link = found.group(1);
        assertThat(link).startsWith(RunningStack.url(8083, "/reviews/" + caseId + "/guest?link="));
        String token = link.substring(link.indexOf("link=") + "link=".length());

        // with no account: the brief, and the opinion; nothing else
        Http.Response brief = Http.anonymousGet(link);
        assertThat(brief.status()).as(brief.raw()).isEqualTo(200);
        assertThat(brief.body().get("questionForPanel").asText())
                .isEqualTo("Should I have chemotherapy or immunotherapy before the operation instead?");
        assertThat(brief.body().at("/you/specialistId").asText()).isEqualTo(guestId);
        Http.WithHeader asGuest = Http.withHeader("Guest-Link", token);
        assertThat(asGuest.get(RunningStack.url(8083, "/reviews/" + caseId)).status()).isEqualTo(403);
        assertThat(asGuest.get(RunningStack.url(8083, "/reviews/" + caseId + "/meeting")).status()).isEqualTo(403);
        assertThat(Http.anonymousGet(RunningStack.url(8082, "/cases/" + caseId + "/records?link=" + token)).status())
                .as("records-service does not take a guest link").isEqualTo(401);
        Http.Response opinion = asGuest.post(RunningStack.url(8083, "/reviews/" + caseId + "/guest/opinion"), Map.of(
                "recommendation", "The biopsy supports adenocarcinoma; PD-L1 and EGFR/ALK are needed before deciding",
                "agreesWithFirstOpinion", false, "confidence", "HIGH",
                "informationMissing", "PD-L1 and EGFR/ALK results"));
        assertThat(opinion.status()).as(opinion.raw()).isEqualTo(201);

        // the members give theirs; the chair's consensus counts the guest's; the case ends with the report delivered
        String chair = null;
        for (JsonNode member : panel) {
            String id = member.get("specialistId").asText();
            if (member.get("chair").asBoolean()) {
                chair = id;
            }
            if (member.get("guest").asBoolean()) {
                continue;
            }
            Http.Response given = Http.as(id).post(RunningStack.url(8083, "/reviews/" + caseId + "/opinions"), Map.of(
                    "specialistId", id, "recommendation", "Neoadjuvant chemo-immunotherapy, then re-stage and operate",
                    "agreesWithFirstOpinion", false, "confidence", "HIGH"));
            assertThat(given.status()).as(given.raw()).isEqualTo(201);
        }
        JsonNode meeting = Http.get(RunningStack.url(8083, "/reviews/" + caseId + "/meeting")).body();
        assertThat(meeting.get("opinions")).hasSize(panel.size())
                .allSatisfy(seat -> assertThat(seat.get("submitted").asBoolean()).isTrue());
        assertThat(chair).isNotNull().isNotEqualTo(guestId);
        Http.Response consensus = Http.as(chair).post(RunningStack.url(8083, "/reviews/" + caseId + "/consensus"), Map.of(
                "chairId", chair, "confirmsFirstOpinion", false,
                "recommendation", "Neoadjuvant chemo-immunotherapy after PD-L1 and EGFR/ALK testing, then lobectomy",
                "plainLanguageSummary", "The panel suggests medicine before the operation to shrink the tumour.",
                "differenceExplanation", "Molecular results were missing; stage IIIA benefits from treatment first."));
        assertThat(consensus.status()).as(consensus.raw()).isEqualTo(201);
        releaseReport(caseId);
        awaitProcessCompleted(caseId);
        await("intake shows the delivery").atMost(Duration.ofSeconds(60)).until(() -> stage(caseId),
                "REPORT_DELIVERED"::equals);
        // once released, the link opens nothing of the case
        assertThat(asGuest.get(RunningStack.url(8083, "/reviews/" + caseId + "/guest")).status()).isEqualTo(403);
    }
}
