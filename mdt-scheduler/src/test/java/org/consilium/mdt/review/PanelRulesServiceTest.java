package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.MessageType;
import org.consilium.events.PanelChanged;
import org.consilium.events.PanelMember;
import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Licensure, conflicts of interest and the coordinator's swap, through the running service. */
class PanelRulesServiceTest extends ServiceTest {

    @Test
    void noLicensedSpecialistLeavesTheDisciplineUncoveredAndTheCaseIsStillScheduled() {
        String caseId = newCaseId("liver-cn");
        KafkaProbe.publish(new ScheduleReview(caseId, "liver", Urgency.ROUTINE,
                List.of("hepatobiliary-surgeon", "transplant-surgeon", "medical-oncologist", "radiologist"),
                List.of("zh"), "Asia/Shanghai", "Transplant or resection?", "Resection", "CN", null));

        ReviewView review = awaitReview(caseId);
        assertThat(review.status()).isEqualTo(ReviewStatus.SCHEDULED);
        assertThat(review.panel()).extracting(ReviewView.Member::specialistId)
                .containsExactly("dr-wang-hao", "dr-zhang-min");
        assertThat(review.uncoveredDisciplines()).containsExactly("transplant-surgeon", "radiologist");
        assertThat(review.uncovered()).allSatisfy(u -> assertThat(u.reason()).startsWith("no licensed specialist")
                .endsWith("licensed in CN"));
        assertThat(review.panel()).allSatisfy(m -> assertThat(m.reason()).contains("licensed in CN"));
    }

    @Test
    void noMemberComesFromThePatientsTreatingInstitution() {
        String caseId = newCaseId("lung-coi");
        KafkaProbe.publish(lungCase(caseId, "Harbourfront Cancer Centre"));

        ReviewView review = awaitReview(caseId);
        assertThat(review.treatingInstitution()).isEqualTo("Harbourfront Cancer Centre");
        assertThat(review.panel()).hasSize(6);
        // the Singapore specialists (and Dr Santoso, who also works there) are excluded
        assertThat(review.panel()).extracting(ReviewView.Member::specialistId).doesNotContain("dr-siti-rahmawati",
                "dr-ahmad-yusof", "dr-nurul-hidayah", "dr-budi-santoso", "dr-tan-wei-ming", "dr-hannah-lee");
        assertThat(review.panel()).allSatisfy(m -> assertThat(m.reason())
                .contains("not affiliated with Harbourfront Cancer Centre").contains("excluded by licensure, conflict"));
    }

    @Test
    void aCoordinatorSwapsAMemberUnderTheSameRulesAndTheSwapIsAnnounced() {
        String caseId = newCaseId("swap");
        KafkaProbe.publish(lungCase(caseId));
        ReviewView review = awaitReview(caseId);
        KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, org.consilium.events.MdtScheduled.class);
        assertThat(member(review, "radiologist").specialistId()).isEqualTo("dr-ahmad-yusof");

        ReviewView swapped = put(caseId, "panel/radiologist", Map.of("specialistId", "dr-rachel-adams",
                "reason", "Dr Yusof is on leave that week")).expectStatus().isOk()
                .expectBody(ReviewView.class).returnResult().getResponseBody();
        ReviewView.Member radiologist = member(swapped, "radiologist");
        assertThat(radiologist.specialistId()).isEqualTo("dr-rachel-adams");
        assertThat(radiologist.reason()).startsWith("swapped in by the coordinator: Dr Yusof is on leave that week")
                .contains("licensed in ID");
        assertThat(swapped.panel()).hasSize(6).extracting(ReviewView.Member::specialistId).doesNotContain("dr-ahmad-yusof");
        assertThat(swapped.swaps()).singleElement().satisfies(s -> {
            assertThat(s.discipline()).isEqualTo("radiologist");
            assertThat(s.replacedId()).isEqualTo("dr-ahmad-yusof");
            assertThat(s.specialistId()).isEqualTo("dr-rachel-adams");
            assertThat(s.reason()).isEqualTo("Dr Yusof is on leave that week");
        });
        // the new member can give an opinion, the old one no longer can
        post(caseId, "opinions", opinion("dr-rachel-adams", true)).expectStatus().isCreated();
        problem(post(caseId, "opinions", opinion("dr-ahmad-yusof", true)), HttpStatus.FORBIDDEN, "not-your-case");
        // the swap is a decision on the case's trail: who, what, why
        http.get().uri(b -> b.path("/cases/{id}/audit").queryParam("entity", "CareTeam/" + caseId).build(caseId))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.entry[0].resource.action").isEqualTo("U")
                .jsonPath("$.entry[0].resource.subtype[0].code").isEqualTo("panel-swap")
                .jsonPath("$.entry[0].resource.agent[0].who.identifier.value").isEqualTo("kim.coordinator")
                .jsonPath("$.entry[0].resource.entity[0].description")
                .isEqualTo("radiologist: dr-rachel-adams seated (Dr Yusof is on leave that week)");
        // MdtScheduled is published once; the swap is announced as PanelChanged with the whole panel as it now is
        PanelChanged changed = KafkaProbe.awaitPublished(MessageType.PANEL_CHANGED, caseId,
                PanelChanged.class);
        assertThat(changed.panel()).extracting(PanelMember::specialistId)
                .contains("dr-rachel-adams").doesNotContain("dr-ahmad-yusof");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(
                () -> KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId).size() == 1);
    }

    @Test
    void aSwapBreakingARuleIsAProblemNamingTheRuleAndStoresNothing() {
        String caseId = newCaseId("swap-refused");
        KafkaProbe.publish(lungCase(caseId, "Deccan Cancer Hospital"));
        ReviewView review = awaitReview(caseId);
        String pathologist = member(review, "pathologist").specialistId();
        // fill Dr Patel's week (London; licensed in Indonesia) with other cases
        loadUpWeek("dr-george-patel", 10, review);
        Document before = storedReview(caseId);

        problem(put(caseId, "panel/medical-oncologist", Map.of("specialistId", "dr-kavita-sharma", "reason", "x")),
                HttpStatus.UNPROCESSABLE_ENTITY, "conflict-of-interest")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Deccan Cancer Hospital"));
        problem(put(caseId, "panel/transplant-surgeon", Map.of("specialistId", "dr-ananya-rao", "reason", "x")),
                HttpStatus.UNPROCESSABLE_ENTITY, "discipline-not-requested");
        problem(put(caseId, "panel/pathologist", Map.of("specialistId", "dr-rachel-adams", "reason", "x")),
                HttpStatus.UNPROCESSABLE_ENTITY, "wrong-discipline");
        problem(put(caseId, "panel/pathologist", Map.of("specialistId", "dr-nobody", "reason", "x")),
                HttpStatus.UNPROCESSABLE_ENTITY, "unknown-specialist");
        problem(put(caseId, "panel/pathologist", Map.of("specialistId", pathologist, "reason", "x")),
                HttpStatus.CONFLICT, "already-on-panel");
        problem(put(caseId, "panel/pathologist", Map.of("specialistId", "dr-george-patel", "reason", "x")),
                HttpStatus.CONFLICT, "at-capacity")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("weekly capacity"));
        problem(put(caseId, "panel/pathologist", Map.of("specialistId", "dr-huang-lei")), HttpStatus.BAD_REQUEST,
                "validation").jsonPath("$.errors[*].field").value(f -> assertThat(f).asList().containsExactly("reason"));
        problem(put("no-such-case", "panel/pathologist", Map.of("specialistId", "dr-huang-lei", "reason", "x")),
                HttpStatus.NOT_FOUND, "not-found");
        assertUnchanged(caseId, before);

        // licensure: no radiologist in the directory is licensed in China, and a swap cannot seat one there
        String china = newCaseId("swap-cn");
        KafkaProbe.publish(new ScheduleReview(china, "liver", Urgency.ROUTINE, List.of("hepatobiliary-surgeon",
                "medical-oncologist", "radiologist"), List.of("zh"), "Asia/Shanghai", "q?", "Resection", "CN", null));
        ReviewView uncovered = awaitReview(china);
        assertThat(uncovered.uncoveredDisciplines()).containsExactly("radiologist");
        Document chinaBefore = storedReview(china);
        problem(put(china, "panel/radiologist", Map.of("specialistId", "dr-rachel-adams", "reason", "x")),
                HttpStatus.UNPROCESSABLE_ENTITY, "not-licensed")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("not licensed in CN"));
        assertUnchanged(china, chinaBefore);

        // a member who already gave an opinion keeps the seat
        String radiologist = member(review, "radiologist").specialistId();
        post(caseId, "opinions", opinion(radiologist, false)).expectStatus().isCreated();
        Document afterOpinion = storedReview(caseId);
        problem(put(caseId, "panel/radiologist", Map.of("specialistId", "dr-rachel-adams".equals(radiologist)
                ? "dr-yasmin-khalil" : "dr-rachel-adams", "reason", "x")), HttpStatus.CONFLICT, "opinion-submitted");
        assertUnchanged(caseId, afterOpinion);
    }

    @Test
    void aCaseNoPanelCanBeComposedForIsACoordinatorsTaskNotAFakeSession() {
        // nobody in the directory is licensed in Brazil: today's review would be "SCHEDULED" with no chair
        String brazil = newCaseId("panel-gap");
        ScheduleReview command = new ScheduleReview(brazil, "lung", Urgency.ROUTINE, List.of("pathologist",
                "medical-oncologist", "thoracic-surgeon"), List.of("pt"), "America/Sao_Paulo", "q?", "Surgery", "BR", null);
        KafkaProbe.publish(command);

        CaseStepFailed failed = KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, brazil, CaseStepFailed.class);
        assertThat(failed.service()).isEqualTo("mdt-scheduler");
        assertThat(failed.step()).isEqualTo("ScheduleReview");
        assertThat(failed.deadLetter()).isNull();
        assertThat(failed.reason()).startsWith("No MDT panel can be composed: 0 of 3 disciplines")
                .contains("pathologist: no licensed specialist", "licensed in BR", "POST /reviews/" + brazil + "/schedule");
        // no session booked, nobody told a meeting time
        problem(http.get().uri("/reviews/{id}", brazil).exchange(), HttpStatus.CONFLICT, "panel-unavailable")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("licensed in BR"));
        assertThat(mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("caseIds").is(brazil)), Document.class,
                "sessions").block()).isNull();
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, brazil)).isEmpty();

        // a redelivered command changes nothing; re-planning while nothing changed says what is still missing
        KafkaProbe.publish(command);
        problem(http.post().uri("/reviews/{id}/schedule", brazil).exchange(), HttpStatus.CONFLICT, "panel-unavailable")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("no licensed specialist"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(
                () -> KafkaProbe.envelopes(MessageType.CASE_STEP_FAILED, brazil).size() == 1);
        problem(http.post().uri("/reviews/{id}/schedule", "no-such-case").exchange(), HttpStatus.NOT_FOUND, "not-found");
        // only a coordinator re-plans
        http.post().uri("/reviews/{id}/schedule", brazil).header(org.springframework.http.HttpHeaders.AUTHORIZATION,
                specialist("dr-huang-lei")).exchange().expectStatus().isForbidden();
    }

    @Test
    void aCaseWhoseEligibleSpecialistsAreAllAtWeeklyCapacityIsACoordinatorsTaskNotAReviewWithNobody() {
        // the two specialists licensed in China for a liver case, each with a full week for five weeks to come
        List<String> synthetic = new java.util.ArrayList<>();
        try {
            for (String busy : List.of("dr-wang-hao", "dr-zhang-min")) {
                for (int week = 0; week < 5; week++) {
                    synthetic.addAll(loadUp(busy, 12, CLOCK.instant().plus(Duration.ofDays(7L * week))));
                }
            }
            String caseId = newCaseId("full-weeks");
            KafkaProbe.publish(new ScheduleReview(caseId, "liver", Urgency.URGENT,
                    List.of("hepatobiliary-surgeon", "medical-oncologist"), List.of("zh"), "Asia/Shanghai", "q?",
                    "Resection", "CN", null));

            // once the full-size fault suite filled every week: a review "SCHEDULED" with nobody on its panel
            CaseStepFailed failed = KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);
            assertThat(failed.step()).isEqualTo("ScheduleReview");
            assertThat(failed.reason()).contains("hepatobiliary-surgeon", "weekly capacity");
            assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).isEmpty();
            problem(http.get().uri("/reviews/{id}", caseId).exchange(), HttpStatus.CONFLICT, "panel-unavailable");
            // the seat the plan took is given back
            assertThat(mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("caseIds").is(caseId)), Document.class,
                    "sessions").block()).isNull();
        } finally {
            synthetic.forEach(id -> mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), "reviews").block());
        }
    }

    /** Synthetic reviews on a session at {@code at} with this specialist on their panels; their ids, to remove. */
    private List<String> loadUp(String specialistId, int cases, java.time.Instant at) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String id = newCaseId("load");
            ids.add(id);
            mongo.insert(new Document("_id", id).append("status", "SCHEDULED")
                    .append("session", new Document("startsAt", Date.from(at)))
                    .append("panel", List.of(new Document("specialistId", specialistId).append("name", "x")
                            .append("discipline", "x").append("chair", false))), "reviews").block();
        }
        return ids;
    }

    /** Other (synthetic) reviews in the same week, with this specialist on their panels. */
    private void loadUpWeek(String specialistId, int cases, ReviewView review) {
        for (int i = 0; i < cases; i++) {
            mongo.insert(new Document("_id", newCaseId("load")).append("status", "SCHEDULED")
                    .append("session", new Document("startsAt", Date.from(review.session().startsAt())))
                    .append("panel", List.of(new Document("specialistId", specialistId).append("name", "x")
                            .append("discipline", "pathologist").append("chair", false))), "reviews").block();
        }
    }

    private static ReviewView.Member member(ReviewView review, String discipline) {
        return review.panel().stream().filter(m -> m.discipline().equals(discipline)).findFirst().orElseThrow();
    }
}
