package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MessageType;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportReleased;
import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.report.ReportStatus;
import org.consilium.mdt.report.ReportVersion;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The full report with the consensus, its versions, the coordinator's QA, and its FHIR Composition. */
class ReportQaTest extends ServiceTest {

    static Map<String, Object> fullConsensus(String chairId) {
        Map<String, Object> body = new HashMap<>();
        body.put("chairId", chairId);
        body.put("confirmsFirstOpinion", false);
        body.put("recommendation", "Neoadjuvant therapy before resection");
        body.put("plainLanguageSummary", "The panel suggests treatment before the operation.");
        body.put("differenceExplanation", "Pelvic MRI shows a threatened margin");
        body.put("dissent", List.of("The surgeon prefers short-course radiotherapy"));
        body.put("concerns", List.of(Map.of("concern", "Will I need a stoma?",
                "answer", "Possibly for a few months; the surgeon will tell you after the MRI.")));
        body.put("comparison", Map.of("imagingReadDifferently", "The MRI margin was read as threatened",
                "bothOptionsReasonable", false, "jointDiscussionHelpful", true,
                "benefitsAndRisks", List.of(
                        Map.of("option", "Surgery first", "benefits", "Quicker", "risks", "Positive margin"),
                        Map.of("option", "Treatment first", "benefits", "Clearer margin", "risks", "Side effects"))));
        body.put("stillMissing", List.of("MMR status"));
        body.put("supportiveCare", List.of("Acupuncture for nausea during chemotherapy"));
        return body;
    }

    /** A concluded small case; returns the chair. */
    ReviewView.Member concluded(String caseId, Map<String, Object> consensus) {
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        review.panel().forEach(m -> post(caseId, "opinions", opinion(m.specialistId(), false)).expectStatus().isCreated());
        Map<String, Object> body = new HashMap<>(consensus);
        body.put("chairId", chair.specialistId());
        post(caseId, "consensus", body).expectStatus().isCreated();
        return chair;
    }

    static Map<String, Object> revision(String editor, String reason, Integer basedOn, String recommendation) {
        Map<String, Object> body = new HashMap<>(fullConsensus(null));
        body.remove("chairId");
        body.put("editor", editor);
        body.put("reason", reason);
        body.put("recommendation", recommendation);
        if (basedOn != null) {
            body.put("basedOnVersion", basedOn);
        }
        return body;
    }

    ReportView report(String caseId) {
        return http.get().uri("/reviews/{id}/report", caseId).exchange().expectStatus().isOk()
                .expectBody(ReportView.class).returnResult().getResponseBody();
    }

    @Test
    void theConsensusWithEverySectionIsVersionOneAndTheEventCarriesTheConsensusAsBefore() {
        String caseId = newCaseId("report-full");
        ReviewView.Member chair = concluded(caseId, fullConsensus(null));

        ReportView report = report(caseId);
        assertThat(report.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(report.history()).hasSize(1);
        ReportVersion v1 = report.current();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.editor()).isEqualTo(chair.name());
        assertThat(v1.sections().concerns()).singleElement()
                .satisfies(c -> assertThat(c.concern()).isEqualTo("Will I need a stoma?"));
        assertThat(v1.sections().comparison().bothOptionsReasonable()).isFalse();
        assertThat(v1.sections().comparison().jointDiscussionHelpful()).isTrue();
        assertThat(v1.sections().comparison().benefitsAndRisks()).hasSize(2);
        assertThat(v1.sections().stillMissing()).containsExactly("MMR status");
        assertThat(v1.sections().supportiveCare()).containsExactly("Acupuncture for nausea during chemotherapy");
        assertThat(awaitReview(caseId).report()).isEqualTo(new ReportView.Summary(1, ReportStatus.DRAFT));

        MdtConcluded event = KafkaProbe.awaitPublished(MessageType.MDT_CONCLUDED, caseId, MdtConcluded.class);
        assertThat(event.report()).isEqualTo(new ReportContent(false, "Neoadjuvant therapy before resection",
                "The panel suggests treatment before the operation.", "Pelvic MRI shows a threatened margin",
                List.of("The surgeon prefers short-course radiotherapy"), chair.name()));
    }

    @Test
    void invalidSectionsAreListedPerFieldAndNothingIsStored() {
        String caseId = newCaseId("report-invalid");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        ReviewView.Member chair = review.panel().stream().filter(ReviewView.Member::chair).findFirst().orElseThrow();
        review.panel().forEach(m -> post(caseId, "opinions", opinion(m.specialistId(), true)).expectStatus().isCreated());
        Document before = storedReview(caseId);

        Map<String, Object> body = new HashMap<>(consensus(chair.specialistId()));
        body.put("concerns", List.of(Map.of("concern", "Will it hurt?"), Map.of("concern", " ", "answer", "No")));
        body.put("comparison", Map.of("pathologyReadDifferently", "x".repeat(4001),
                "benefitsAndRisks", List.of(Map.of("benefits", "b", "risks", "r"))));
        body.put("stillMissing", List.of(""));
        body.put("supportiveCare", List.of("y".repeat(1001)));
        problem(post(caseId, "consensus", body), HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList().containsExactly(
                        "comparison.benefitsAndRisks[0].option", "comparison.pathologyReadDifferently",
                        "concerns[0].answer", "concerns[1].concern", "stillMissing[0]", "supportiveCare[0]"));
        assertUnchanged(caseId, before);

        // before the consensus there is no report
        problem(http.get().uri("/reviews/{id}/report", caseId).exchange(), HttpStatus.CONFLICT, "review-not-concluded");
        problem(put(caseId, "report", revision(null, "why", null, "x")), HttpStatus.CONFLICT, "review-not-concluded");
        problem(post(caseId, "report/approve", Map.of("coordinator", "kim.coordinator")), HttpStatus.CONFLICT,
                "review-not-concluded");
        problem(http.get().uri("/reviews/{id}/report/composition", caseId).exchange(), HttpStatus.CONFLICT,
                "review-not-concluded");
        assertUnchanged(caseId, before);
        problem(http.get().uri("/reviews/{id}/report", "no-such-case").exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void aCoordinatorEditsApprovesAndReleasesAndEveryVersionIsKept() {
        String caseId = newCaseId("report-qa");
        ReviewView.Member chair = concluded(caseId, fullConsensus(null));

        ReportView v2 = put(caseId, "report", revision("kim.coordinator", "plainer wording", 1,
                "Treatment before the operation")).expectStatus().isOk().expectBody(ReportView.class).returnResult()
                .getResponseBody();
        assertThat(v2.current().number()).isEqualTo(2);
        assertThat(v2.current().editor()).isEqualTo("kim.coordinator");
        assertThat(v2.current().reason()).isEqualTo("plainer wording");
        assertThat(v2.current().at()).isNotNull();
        assertThat(v2.history()).extracting(ReportVersion::number).containsExactly(1, 2);
        assertThat(v2.history().get(0).sections().recommendation()).isEqualTo("Neoadjuvant therapy before resection");

        // refusals store nothing
        Document before = storedReview(caseId);
        problem(put(caseId, "report", Map.of("reason", "", "confirmsFirstOpinion", false,
                "comparison", Map.of("benefitsAndRisks", List.of(Map.of("option", "o", "benefits", "b"))))),
                HttpStatus.BAD_REQUEST, "validation").jsonPath("$.errors[*].field").value(fields -> assertThat(fields)
                .asList().containsExactly("comparison.benefitsAndRisks[0].risks", "differenceExplanation",
                        "plainLanguageSummary", "reason", "recommendation"));
        problem(put(caseId, "report", revision(null, "mine", 1, "Something else")), HttpStatus.CONFLICT,
                "stale-report-version");
        problem(put(caseId, "report", revision(null, "same", null, "Treatment before the operation")),
                HttpStatus.CONFLICT, "report-unchanged");
        problem(post(caseId, "report/release", Map.of("coordinator", "kim.coordinator")), HttpStatus.CONFLICT,
                "report-not-approved");
        // who approves is the token's user: a body naming another coordinator is refused, not believed
        problem(post(caseId, "report/approve", Map.of("coordinator", "ben.coordinator")), HttpStatus.FORBIDDEN,
                "not-yourself").jsonPath("$.detail").value(d -> assertThat((String) d).contains("kim.coordinator")
                .contains("ben.coordinator"));
        problem(put(caseId, "report", revision("ben.coordinator", "as Ben", 2, "Other")), HttpStatus.FORBIDDEN,
                "not-yourself");
        problem(post(caseId, "report/approve", Map.of("coordinator", "kim.coordinator", "version", 0)), HttpStatus.BAD_REQUEST,
                "validation").jsonPath("$.errors[0].field").isEqualTo("version");
        // the coordinator read version 1, version 2 is current: not approved unseen
        problem(post(caseId, "report/approve", Map.of("coordinator", "kim.coordinator", "version", 1)), HttpStatus.CONFLICT,
                "stale-report-version");
        assertUnchanged(caseId, before);

        ReportView approved = post(caseId, "report/approve", Map.of("coordinator", "kim.coordinator", "version", 2)).expectStatus().isOk()
                .expectBody(ReportView.class).returnResult().getResponseBody();
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approved.approvedVersion()).isEqualTo(2);
        problem(post(caseId, "report/approve", Map.of("coordinator", "kim.coordinator")), HttpStatus.CONFLICT, "already-approved");

        problem(post(caseId, "report/release", Map.of("coordinator", "kim.coordinator", "version", 1)), HttpStatus.CONFLICT,
                "stale-report-version");
        ReportView released = post(caseId, "report/release", Map.of("coordinator", "kim.coordinator", "version", 2)).expectStatus().isOk()
                .expectBody(ReportView.class).returnResult().getResponseBody();
        assertThat(released.status()).isEqualTo(ReportStatus.RELEASED);
        assertThat(released.releasedBy()).isEqualTo("kim.coordinator");
        assertThat(released.releasedAt()).isNotNull();

        Document afterRelease = storedReview(caseId);
        problem(put(caseId, "report", revision(null, "too late", null, "Other")), HttpStatus.CONFLICT,
                "report-released");
        problem(post(caseId, "report/release", Map.of("coordinator", "kim.coordinator")), HttpStatus.CONFLICT, "report-released");
        problem(post(caseId, "report/approve", Map.of("coordinator", "kim.coordinator")), HttpStatus.CONFLICT, "report-released");
        assertUnchanged(caseId, afterRelease);
        assertThat(report(caseId).history()).hasSize(2);
        assertThat(awaitReview(caseId).report()).isEqualTo(new ReportView.Summary(2, ReportStatus.RELEASED));
        assertThat(KafkaProbe.envelopes(MessageType.MDT_CONCLUDED, caseId)).hasSize(1);
        ReportReleased announced = KafkaProbe.awaitPublished(MessageType.REPORT_RELEASED, caseId, ReportReleased.class);
        assertThat(announced.version()).as("the edited version is what the patient gets").isEqualTo(2);
        assertThat(announced.releasedBy()).isEqualTo("kim.coordinator");
        assertThat(announced.report().recommendation()).isEqualTo(v2.current().sections().recommendation());
        assertThat(announced.report().plainLanguageSummary()).isEqualTo(v2.current().sections().plainLanguageSummary());
        assertThat(announced.report().signedBy()).as("signed by the chair").isEqualTo(chair.name());
        assertThat(announced.report().concerns()).singleElement()
                .satisfies(c -> assertThat(c.concern()).isEqualTo("Will I need a stoma?"));
        assertThat(announced.report().comparison().benefitsAndRisks()).extracting(o -> o.option())
                .containsExactly("Surgery first", "Treatment first");
        assertThat(announced.report().comparison().jointDiscussionHelpful()).isTrue();
        assertThat(announced.report().stillMissing()).containsExactly("MMR status");
        assertThat(announced.report().supportiveCare()).containsExactly("Acupuncture for nausea during chemotherapy");
        assertThat(KafkaProbe.envelopes(MessageType.REPORT_RELEASED, caseId)).hasSize(1);

        http.get().uri("/reviews/{id}/report/composition", caseId).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/fhir+json")
                .expectBody()
                .jsonPath("$.resourceType").isEqualTo("Composition")
                .jsonPath("$.status").isEqualTo("final")
                .jsonPath("$.meta.versionId").isEqualTo("2")
                .jsonPath("$.subject.reference").isEqualTo("ServiceRequest/" + caseId)
                .jsonPath("$.author.length()").isEqualTo(3)
                .jsonPath("$.attester[0].party.display").value(d -> assertThat((String) d).startsWith(chair.name()))
                .jsonPath("$.section[1].text.div").value(d -> assertThat((String) d)
                        .startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">")
                        .contains("Treatment before the operation"));
    }
}
