package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.*;

/**
 * Issue 5's system test: from ScheduleReview to a delivered report, over the public APIs of the
 * running stack. A Chinese-speaking patient in Singapore; a panel of at least four disciplines in
 * three time zones, each member shown the session in their own zone; opinions that disagree, the
 * disagreement on the agenda and in the meeting view, a consensus that records the dissent; the
 * coordinator's QA (a plainer version 2, approve, release); the report mailed once with the
 * plain-language PDF in Chinese and the clinician PDF in English; and a follow-up question the chair
 * answers.
 */
@ExtendWith(SharedStack.class)
class PanelReviewJourneyTest {
    static final String REPORT_SUBJECT_ZH = "您的第二诊疗意见报告已出具";

    @Test
    void aFourDisciplinePanelInThreeTimeZonesResolvesADisagreementAndAnswersAFollowUp() {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caseId = submitLungCase(email, "Chen Wei", "SG", "[\"zh\", \"en\"]", "Asia/Singapore");
        completeTask(caseId, "Review intake", Map.of("accepted", true));
        requiredItems(awaitChecklist(caseId)).forEach(item -> upload(caseId, item));
        awaitRecordsComplete(caseId);
        completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));

        // the panel: every triaged discipline, members in three time zones (a coordinator swap adds one if needed)
        JsonNode review = await("panel assembled").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)), r -> r.status() == 200).body();
        review = inThreeTimeZones(caseId, review);
        List<JsonNode> panel = list(review.get("panel"));
        assertThat(panel.stream().map(m -> m.get("discipline").asText()).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(panel.stream().map(m -> m.get("timeZone").asText()).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(panel).allSatisfy(m -> assertThat(m.get("reason").asText()).isNotBlank());
        OffsetDateTime sessionUtc = OffsetDateTime.parse(review.at("/session/startsAt").asText());
        Set<String> offsets = new LinkedHashSet<>();
        for (JsonNode member : panel) {
            OffsetDateTime local = OffsetDateTime.parse(member.get("localStart").asText());
            assertThat(local.toInstant()).as("one instant, shown in each member's zone").isEqualTo(sessionUtc.toInstant());
            offsets.add(local.getOffset().getId());
        }
        assertThat(offsets).as("different local times for different zones").hasSizeGreaterThanOrEqualTo(2);
        assertThat(OffsetDateTime.parse(review.at("/session/patientLocalStart").asText()).getOffset().getId())
                .isEqualTo("+08:00");

        // pre-meeting opinions that disagree
        JsonNode chairMember = panel.stream().filter(m -> m.get("chair").asBoolean()).findFirst().orElseThrow();
        String chair = chairMember.get("specialistId").asText();
        String chairEmail = list(Http.get(RunningStack.url(8083, "/specialists?discipline="
                + chairMember.get("discipline").asText())).body()).stream()
                .filter(s -> s.get("id").asText().equals(chair)).findFirst().orElseThrow().get("email").asText();
        String invitation = "MDT review invitation: case " + caseId;
        await("the chair's invitation").atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(chairEmail, invitation) == 1);
        String invited = rawMails(chairEmail).stream().filter(m -> m.contains(caseId)).findFirst().orElseThrow();
        assertThat(attachmentNames(invited)).containsExactly("consilium-mdt-" + caseId + ".ics");
        String dissenter = null;
        for (JsonNode member : panel) {
            String id = member.get("specialistId").asText();
            boolean surgeon = member.get("discipline").asText().endsWith("surgeon");
            if (surgeon && !id.equals(chair)) {
                dissenter = id;
            }
            Http.Response opinion = Http.as(id).post(RunningStack.url(8083, "/reviews/" + caseId + "/opinions"), Map.of(
                    "specialistId", id,
                    "recommendation", surgeon ? "Lobectomy first, as planned" : "Neoadjuvant chemo-immunotherapy, then surgery",
                    "agreesWithFirstOpinion", surgeon, "confidence", surgeon ? "MEDIUM" : "HIGH",
                    "informationMissing", "PD-L1 and EGFR/ALK results"));
            assertThat(opinion.status()).as(opinion.raw()).isEqualTo(201);
        }
        JsonNode meeting = Http.get(RunningStack.url(8083, "/reviews/" + caseId + "/meeting")).body();
        assertThat(meeting.get("opinions")).hasSize(panel.size())
                .allSatisfy(seat -> assertThat(seat.get("submitted").asBoolean()).isTrue());
        assertThat(meeting.at("/disagreement/disagrees").asBoolean()).isTrue();
        assertThat(meeting.at("/disagreement/points")).isNotEmpty();
        String sessionId = review.at("/session/id").asText();
        JsonNode agenda = Http.get(RunningStack.url(8083, "/sessions/" + sessionId + "/agenda")).body();
        JsonNode item = list(agenda.get("items")).stream().filter(i -> i.get("caseId").asText().equals(caseId))
                .findFirst().orElseThrow();
        assertThat(item.get("opinionsDisagree").asBoolean()).isTrue();
        assertThat(item.get("pointsOfDisagreement")).isNotEmpty();

        // the chair signs a consensus that records the dissent
        Map<String, Object> consensus = new HashMap<>();
        consensus.put("chairId", chair);
        consensus.put("confirmsFirstOpinion", false);
        consensus.put("recommendation", "Neoadjuvant chemo-immunotherapy (3 cycles) after PD-L1 and EGFR/ALK testing, then lobectomy");
        consensus.put("plainLanguageSummary", "The panel suggests medicine first to shrink the tumour, then the operation.");
        consensus.put("differenceExplanation", "Stage IIIA disease benefits from treatment before surgery; molecular results were missing.");
        consensus.put("dissent", dissenter == null ? List.of() : List.of("The thoracic surgeon would operate first, as planned."));
        consensus.put("concerns", List.of(Map.of("concern", "Will the delay let the cancer grow?",
                "answer", "No: the medicine starts within two weeks and treats the cancer while you wait.")));
        consensus.put("stillMissing", List.of("PD-L1 and EGFR/ALK results"));
        consensus.put("supportiveCare", List.of("Stop-smoking support"));
        Http.Response signed = Http.as(chair).post(RunningStack.url(8083, "/reviews/" + caseId + "/consensus"), consensus);
        assertThat(signed.status()).as(signed.raw()).isEqualTo(201);

        // the coordinator's QA: a plainer version 2, approved and released
        Map<String, Object> revision = new HashMap<>(consensus);
        revision.remove("chairId");
        revision.put("editor", DemoUsers.COORDINATOR);
        revision.put("reason", "plainer wording for the patient");
        revision.put("basedOnVersion", 1);
        revision.put("plainLanguageSummary", "The panel advises medicine first to shrink the tumour, and the operation after.");
        Http.Response revised = Http.put(RunningStack.url(8083, "/reviews/" + caseId + "/report"), revision);
        assertThat(revised.status()).as(revised.raw()).isEqualTo(200);
        releaseReport(caseId);

        // delivered once, with the plain report in Chinese and the clinician report in English
        awaitProcessCompleted(caseId);
        await("the report mail").atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(email, REPORT_SUBJECT_ZH) == 1);
        String mail = rawMails(email).stream().filter(m -> m.contains("consilium-report-")).findFirst().orElseThrow();
        assertThat(attachmentNames(mail)).containsExactlyInAnyOrder("consilium-report-" + caseId + "-zh.pdf",
                "consilium-report-" + caseId + "-clinician.pdf");
        // intake learns of the delivery from its event, a moment after the process ends
        await("intake shows the delivery").atMost(Duration.ofSeconds(30)).until(() -> stage(caseId),
                "REPORT_DELIVERED"::equals);
        JsonNode report = Http.get(RunningStack.url(8083, "/reviews/" + caseId + "/report")).body();
        assertThat(report.get("status").asText()).isEqualTo("RELEASED");
        assertThat(report.get("history")).hasSize(2);

        // a follow-up question from the patient (relayed by the coordinator), answered by the chair
        Http.Response asked = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/questions"),
                Map.of("question", "Can the chemotherapy be given in Singapore?",
                        "replyTo", Map.of("name", "Wang Wei", "email", email, "language", "en")));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        String questionId = asked.body().get("id").asText();
        Http.Response answered = Http.as(chair).post(RunningStack.url(8083, "/reviews/" + caseId + "/questions/" + questionId
                + "/answer"), Map.of("chairId", chair, "answer", "Yes: any oncology centre can give it; we will write to your doctor."));
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        JsonNode question = list(Http.get(RunningStack.url(8083, "/reviews/" + caseId)).body().get("questions")).get(0);
        assertThat(question.get("answer").asText()).startsWith("Yes: any oncology centre");
        assertThat(question.get("answeredBy").asText()).isNotBlank();
        // the answer reaches whoever asked (issue 11: it used to reach no one), once
        await("the answer mail").atMost(Duration.ofSeconds(60))
                .until(() -> mailsWithSubject(email, "The panel has answered your question") == 1);
    }

    /** If the composed panel spans fewer than three time zones, the coordinator swaps one seat to a new zone. */
    private static JsonNode inThreeTimeZones(String caseId, JsonNode review) {
        List<JsonNode> panel = list(review.get("panel"));
        Set<String> zones = new LinkedHashSet<>();
        panel.forEach(m -> zones.add(m.get("timeZone").asText()));
        if (zones.size() >= 3) {
            return review;
        }
        for (JsonNode member : panel) {
            if (member.get("chair").asBoolean()) {
                continue;
            }
            String discipline = member.get("discipline").asText();
            JsonNode candidates = Http.get(RunningStack.url(8083, "/specialists?discipline=" + discipline)).body();
            for (JsonNode candidate : candidates) {
                String zone = candidate.get("timeZone").asText();
                if (zones.contains(zone)) {
                    continue;
                }
                Http.Response swapped = Http.put(RunningStack.url(8083, "/reviews/" + caseId + "/panel/" + discipline),
                        Map.of("specialistId", candidate.get("id").asText(), "reason", "a member from another region"));
                if (swapped.status() == 200) {
                    return Http.get(RunningStack.url(8083, "/reviews/" + caseId)).body();
                }
            }
        }
        return review;
    }

    private static List<JsonNode> list(JsonNode array) {
        return array == null ? new ArrayList<>() : new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
