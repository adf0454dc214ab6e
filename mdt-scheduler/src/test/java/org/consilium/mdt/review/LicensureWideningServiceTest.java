package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.ScheduleReview;
import org.consilium.events.SendNotification;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first way out of a panel that cannot be composed (issue 11): a coordinator widens licensure for one
 * case, with a reason and the patient's consent to cross-border transfer, and re-plans it. Through the
 * running service: intake's case events and the command on Kafka, the gap, the review and what is
 * published read back from the broker and the store.
 */
class LicensureWideningServiceTest extends ServiceTest {
    static final String REASON = "Tele-radiology second reads by radiologists licensed abroad are allowed for this "
            + "second opinion; no radiologist in the directory is licensed in China";
    static final List<String> WITH_CROSS_BORDER = List.of(ConsentChanged.REVIEW, ConsentChanged.SHARE_WITH_PANEL,
            ConsentChanged.CROSS_BORDER_TRANSFER);

    @Test
    void aCoordinatorWidensLicensureForRadiologyAndTheCaseIsScheduledWithACrossBorderRadiologist() {
        // no radiologist in the directory is licensed in China: one hepatologist is not a panel
        String caseId = newCaseId("widen-cn");
        KafkaProbe.publish(submitted(caseId, "CN", WITH_CROSS_BORDER));
        KafkaProbe.publish(chinaCase(caseId));
        CaseStepFailed failed = KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);
        assertThat(failed.reason()).contains("radiologist: no licensed specialist", "crossBorderDisciplines");
        problem(http.get().uri("/reviews/{id}", caseId).exchange(), HttpStatus.CONFLICT, "panel-unavailable");

        ReviewView review = replan(caseId, Map.of("crossBorderDisciplines", List.of("radiologist"), "reason", REASON))
                .expectStatus().isOk().expectBody(ReviewView.class).returnResult().getResponseBody();

        assertThat(review.status()).isEqualTo(ReviewStatus.SCHEDULED);
        ReviewView.Member radiologist = member(review, "radiologist");
        assertThat(radiologist.crossBorder()).isTrue();
        assertThat(radiologist.reason()).contains("reviews across borders: not licensed in CN");
        assertThat(member(review, "hepatologist")).satisfies(m -> {
            assertThat(m.specialistId()).isEqualTo("dr-zhou-yan");
            assertThat(m.crossBorder()).isFalse();
            assertThat(m.reason()).contains("licensed in CN");
        });
        // the decision is the review's: which disciplines, why, who (the token's user) and when
        assertThat(review.licensureWidening()).satisfies(w -> {
            assertThat(w.disciplines()).containsExactly("radiologist");
            assertThat(w.reason()).isEqualTo(REASON);
            assertThat(w.decidedBy()).isEqualTo("kim.coordinator");
            assertThat(w.decidedAt()).isNotNull();
        });
        http.get().uri("/reviews/{id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.licensureWidening.decidedBy").isEqualTo("kim.coordinator")
                .jsonPath("$.panel[?(@.discipline == 'radiologist')].crossBorder").isEqualTo(true)
                .jsonPath("$.panel[?(@.discipline == 'hepatologist')].crossBorder").isEqualTo(false);
        // and on the case's trail
        http.get().uri(b -> b.path("/cases/{id}/audit").queryParam("entity", "CareTeam/" + caseId).build(caseId))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entry[0].resource.subtype[0].code").isEqualTo("replan")
                .jsonPath("$.entry[0].resource.entity[0].description").value(d -> assertThat((String) d)
                        .contains("licensure widened for radiologist (" + REASON + ")"));

        // scheduled as any case is: MdtScheduled with both members, each invited, and the gap is gone
        MdtScheduled scheduled = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        assertThat(scheduled.panel()).extracting(PanelMember::specialistId)
                .containsExactlyInAnyOrder("dr-zhou-yan", radiologist.specialistId());
        List<SendNotification> invitations = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe
                .envelopes(MessageType.SEND_NOTIFICATION, caseId).stream().map(e -> e.payload(SendNotification.class))
                .filter(n -> n.purpose() == NotificationPurpose.MDT_INVITATION).toList(), l -> l.size() == 2);
        assertThat(invitations).extracting(n -> n.recipient().email()).containsExactlyInAnyOrderElementsOf(
                scheduled.panel().stream().map(PanelMember::email).toList());
        assertThat(mongo.findById(caseId, Document.class, "panelGaps").block()).isNull();
        // a second re-plan finds the review
        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("radiologist"), "reason", REASON)),
                HttpStatus.CONFLICT, "already-scheduled");
    }

    @Test
    void aWideningIsRefusedWithAProblemNamingTheFieldAndStoresNothing() {
        // nobody in the directory is licensed in Brazil; the patient consented to cross-border transfer
        String caseId = newCaseId("widen-br");
        KafkaProbe.publish(submitted(caseId, "BR", WITH_CROSS_BORDER));
        KafkaProbe.publish(new ScheduleReview(caseId, "lung", Urgency.ROUTINE, List.of("pathologist",
                "medical-oncologist", "thoracic-surgeon"), List.of("pt"), "America/Sao_Paulo", null, null, "BR", null));
        KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);
        Document gap = mongo.findById(caseId, Document.class, "panelGaps").block();

        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("pathologist"))), HttpStatus.BAD_REQUEST,
                "validation").jsonPath("$.errors[*].field").value(f -> assertThat(f).asList().containsExactly("reason"));
        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("pathologist"), "reason", "  ")),
                HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[*].field").value(f -> assertThat(f).asList().containsExactly("reason"));
        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("pathologist", "radiology"), "reason", "x")),
                HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[*].field").value(f -> assertThat(f).asList()
                        .containsExactly("crossBorderDisciplines[1]"));
        problem(replan(caseId, Map.of("reason", "x")), HttpStatus.BAD_REQUEST, "validation")
                .jsonPath("$.errors[*].field").value(f -> assertThat(f).asList().containsExactly("crossBorderDisciplines"));
        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("radiologist"), "reason", "x")),
                HttpStatus.UNPROCESSABLE_ENTITY, "discipline-not-requested")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("crossBorderDisciplines[0]"));
        // widening pathology alone still leaves one member: what is still missing is named
        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("pathologist"), "reason", "x")),
                HttpStatus.CONFLICT, "panel-unavailable").jsonPath("$.detail").value(d -> assertThat((String) d)
                .contains("disciplines still missing: medical-oncologist, thoracic-surgeon"));
        // only a coordinator widens
        http.post().uri("/reviews/{id}/schedule", caseId).header(HttpHeaders.AUTHORIZATION, specialist("dr-george-patel"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("crossBorderDisciplines",
                        List.of("pathologist", "medical-oncologist", "thoracic-surgeon"), "reason", "x"))
                .exchange().expectStatus().isForbidden();

        Document after = mongo.findById(caseId, Document.class, "panelGaps").block();
        for (String field : List.of("reason", "uncovered", "members", "at", "appliedEvents")) {
            assertThat(after.get(field)).as(field).isEqualTo(gap.get(field));
        }
        assertThat(storedReview(caseId)).isNull();
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).isEmpty();
    }

    @Test
    void withoutThePatientsConsentToCrossBorderTransferLicensureIsNotWidened() {
        String caseId = newCaseId("widen-no-consent");
        KafkaProbe.publish(submitted(caseId, "CN", List.of(ConsentChanged.REVIEW, ConsentChanged.SHARE_WITH_PANEL)));
        KafkaProbe.publish(chinaCase(caseId));
        KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);
        Map<String, Object> widening = Map.of("crossBorderDisciplines", List.of("radiologist"), "reason", REASON);

        problem(replan(caseId, widening), HttpStatus.CONFLICT, "cross-border-consent-missing")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("did not consent"));
        assertThat(storedReview(caseId)).isNull();

        // the patient grants it later (intake's ConsentChanged): the same decision now seats the radiologist
        KafkaProbe.publish(new ConsentChanged(caseId, ConsentChanged.CROSS_BORDER_TRANSFER, true, now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, Document.class,
                "crossBorderConsents").block(), d -> d != null && Boolean.TRUE.equals(d.getBoolean("granted")));
        replan(caseId, widening).expectStatus().isOk().expectBody()
                .jsonPath("$.panel[?(@.discipline == 'radiologist')].crossBorder").isEqualTo(true);
    }

    @Test
    void aConsentThisServiceNeverHeardOfIsNotAssumed() {
        // an older producer: the command carries the question, and no CaseSubmitted reached this service
        String caseId = newCaseId("widen-unknown");
        ScheduleReview asked = chinaCase(caseId);
        KafkaProbe.publish(new ScheduleReview(caseId, asked.cancerType(), asked.urgency(), asked.disciplines(),
                asked.languages(), asked.timeZone(), "Resection or transplant?", "Resection", "CN", null));
        KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);

        problem(replan(caseId, Map.of("crossBorderDisciplines", List.of("radiologist"), "reason", REASON)),
                HttpStatus.CONFLICT, "cross-border-consent-missing")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("no record of the patient's consent"));
    }

    /** A hepatologist (one is licensed in China) and a radiologist (none is), for a patient in Shanghai. */
    private static ScheduleReview chinaCase(String caseId) {
        return new ScheduleReview(caseId, "liver", Urgency.ROUTINE, List.of("hepatologist", "radiologist"),
                List.of("zh"), "Asia/Shanghai", null, null, "CN", null);
    }

    private static CaseSubmitted submitted(String caseId, String country, List<String> consents) {
        return new CaseSubmitted(caseId, "liver", "transplantation", LocalDate.of(2027, 1, 20),
                "Resection or transplant?", "Resection", new Recipient("Li Wen", caseId + "@example.org", "zh"),
                List.of("zh"), "Asia/Shanghai", country, now(), null, List.of(), consents, null);
    }

    private WebTestClient.ResponseSpec replan(String caseId, Map<String, ?> body) {
        return http.post().uri("/reviews/{id}/schedule", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static ReviewView.Member member(ReviewView review, String discipline) {
        return review.panel().stream().filter(m -> m.discipline().equals(discipline)).findFirst().orElseThrow();
    }
}
