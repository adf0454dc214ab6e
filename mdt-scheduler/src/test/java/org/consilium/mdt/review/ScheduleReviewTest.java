package org.consilium.mdt.review;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.consilium.events.Envelope;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.PanelMember;
import org.consilium.events.ScheduleReview;
import org.consilium.events.Topics;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.session.SessionKind;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleReviewTest extends ServiceTest {

    @Test
    void urgentLungCaseFromIndonesiaGetsAFullLicensedPanelInThePatientsLanguageWithinItsClock() {
        String caseId = newCaseId("lung");
        Instant before = now();
        KafkaProbe.publish(lungCase(caseId));

        MdtScheduled scheduled = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        assertThat(scheduled.panel()).extracting(PanelMember::discipline).containsExactlyInAnyOrder(
                "thoracic-surgeon", "medical-oncologist", "radiation-oncologist", "radiologist", "pathologist",
                "pulmonologist");
        // Bahasa Indonesia speakers (thoracic subspecialists, licensed in Indonesia) win where the directory has them
        assertThat(scheduled.panel()).extracting(PanelMember::specialistId)
                .contains("dr-siti-rahmawati", "dr-ahmad-yusof", "dr-nurul-hidayah", "dr-budi-santoso");
        assertThat(scheduled.panel()).filteredOn(PanelMember::chair).singleElement()
                .satisfies(chair -> assertThat(chair.specialistId()).isEqualTo("dr-siti-rahmawati"));
        // urgent: at least 2 hours to read the dossier, discussed within the 2-day clock
        assertThat(scheduled.sessionStartsAt()).isAfterOrEqualTo(before.plus(Duration.ofHours(2)).minusSeconds(1))
                .isBeforeOrEqualTo(now().plus(Duration.ofDays(2)));

        ReviewView review = awaitReview(caseId);
        assertThat(review.status()).isEqualTo(ReviewStatus.SCHEDULED);
        assertThat(review.session().id()).isEqualTo(scheduled.sessionId());
        assertThat(review.session().patientLocalStart()).endsWith("+07:00"); // Asia/Jakarta
        assertThat(review.session().reason()).isNotBlank();
        assertThat(review.tumourGroup()).isEqualTo("thoracic");
        assertThat(review.country()).isEqualTo("ID");
        if (review.session().kind() == SessionKind.BOARD) {
            assertThat(review.session().id()).startsWith("thoracic-");
            assertThat(review.session().chairId()).isEqualTo("dr-siti-rahmawati");
            assertThat(review.session().reason()).contains("thoracic board session within the URGENT clock");
        } else {
            assertThat(review.session().reason()).startsWith("no thoracic board session fits within the URGENT clock");
        }
        assertThat(review.uncoveredDisciplines()).isEmpty();
        assertThat(review.panel()).allSatisfy(m -> assertThat(m.reason()).contains("licensed in ID"));
        ReviewView.Member oncologist = member(review, "dr-siti-rahmawati");
        assertThat(oncologist.reason()).contains("speaks id").contains("thoracic subspecialist")
                .contains("chairs as medical oncologist");
        assertThat(oncologist.timeZone()).isEqualTo("Asia/Singapore");
        assertThat(oncologist.localStart()).endsWith("+08:00")
                .startsWith(scheduled.sessionStartsAt().atZone(java.time.ZoneId.of("Asia/Singapore")).toLocalDate().toString());
        ReviewView.Member surgeon = review.panel().stream().filter(m -> m.discipline().equals("thoracic-surgeon"))
                .findFirst().orElseThrow();
        assertThat(surgeon.reason()).contains("speaks en").doesNotContain("chairs");

        http.get().uri("/actuator/metrics/consilium.mdt.sessions.chosen?tag=kind:" + review.session().kind()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.measurements[0].value").value(v ->
                        assertThat(((Number) v).doubleValue()).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    void mdtScheduledCarriesCloudEventsHeadersAndTheCaseAsKey() {
        String caseId = newCaseId("headers");
        KafkaProbe.publish(smallCase(caseId));
        KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);

        ConsumerRecord<String, byte[]> record = KafkaProbe.records(Topics.MDT_EVENTS).stream()
                .filter(r -> caseId.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(record, "ce_type")).isEqualTo("org.consilium.mdt.MdtScheduled.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/consilium/mdt-scheduler");
        assertThat(header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
    }

    @Test
    void aRedeliveredScheduleReviewIsAppliedOnce() {
        String caseId = newCaseId("redelivered");
        Envelope command = KafkaProbe.publish(smallCase(caseId));
        MdtScheduled first = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);

        KafkaProbe.publish(command);
        // a later command of the same case is consumed after the redelivery (same key, same partition)
        Envelope later = KafkaProbe.publish(Envelope.of(smallCase(caseId), UUID.randomUUID().toString(),
                "/consilium/test", now()));
        Document stored = awaitApplied(caseId, later.id());

        assertThat(Collections.frequency(stored.getList("appliedEvents", String.class), command.id())).isEqualTo(1);
        assertThat(stored.getList("panel", Document.class)).hasSize(3);
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).hasSize(1);
        List<Document> rosters = mongo.findAll(Document.class, "sessions").collectList().block();
        assertThat(rosters).flatExtracting(r -> r.getList("caseIds", String.class)).containsOnlyOnce(caseId);
        assertThat(awaitReview(caseId).session().id()).isEqualTo(first.sessionId());
    }

    @Test
    void withoutAMedicalOncologistTheFirstMemberChairsAndAnUncoverableDisciplineIsRecorded() {
        String caseId = newCaseId("lymphoma");
        KafkaProbe.publish(new ScheduleReview(caseId, "lymphoma", Urgency.ROUTINE,
                List.of("haematologist", "molecular-pathologist", "haematopathologist"), List.of("fr"), "Europe/Paris",
                "Is R-CHOP still right?", "Six cycles of R-CHOP")); // an older command: no country, no institution

        MdtScheduled scheduled = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        assertThat(scheduled.panel()).extracting(PanelMember::discipline)
                .containsExactly("haematologist", "haematopathologist");
        assertThat(scheduled.panel().get(0).chair()).isTrue();
        assertThat(scheduled.panel().get(1).chair()).isFalse();
        assertThat(scheduled.panel().get(1).specialistId()).isEqualTo("dr-ines-moreau"); // the only one; speaks fr

        ReviewView review = awaitReview(caseId);
        assertThat(review.uncoveredDisciplines()).containsExactly("molecular-pathologist");
        assertThat(review.uncovered()).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo("no molecular-pathologist in the directory"));
        assertThat(review.panel()).allSatisfy(m -> assertThat(m.reason()).contains("licensure not checked"));
        assertThat(review.panel().get(0).reason()).contains("chairs as first member");
        // routine: at least three days of lead time
        assertThat(review.session().startsAt()).isAfter(now().plus(3, ChronoUnit.DAYS).minusSeconds(60));
    }

    @Test
    void theBreastCaseFromTheEmiratesGetsArabicSpeakersWhoCanAttendTheBreastBoard() {
        String caseId = newCaseId("breast");
        KafkaProbe.publish(new ScheduleReview(caseId, "breast", Urgency.ROUTINE,
                List.of("breast-surgeon", "medical-oncologist", "radiation-oncologist", "radiologist", "pathologist",
                        "supportive-care-physician"),
                List.of("ar", "en"), "Asia/Dubai", "Is breast-conserving surgery possible?", "Mastectomy then chemotherapy",
                "AE", null));

        ReviewView review = awaitReview(caseId);
        assertThat(review.panel()).extracting(ReviewView.Member::specialistId)
                .contains("dr-amira-haddad", "dr-omar-farouk");
        assertThat(review.panel()).hasSize(6);
        assertThat(member(review, "dr-omar-farouk").chair()).isTrue();
        assertThat(review.panel()).filteredOn(ReviewView.Member::chair).hasSize(1);
        assertThat(review.session().patientLocalStart()).endsWith("+04:00");
        // routine: a breast board session (Tuesdays and Thursdays, 09:00 London) within two weeks always fits
        assertThat(review.session().kind()).isEqualTo(SessionKind.BOARD);
        assertThat(review.session().id()).startsWith("breast-");
        assertThat(review.session().chairId()).isEqualTo("dr-omar-farouk");
        // the Arabic-speaking radiologist is in New York, where the board meets at 04:00: one who can attend is chosen
        assertThat(review.panel()).filteredOn(m -> m.discipline().equals("radiologist")).singleElement()
                .satisfies(m -> {
                    assertThat(m.specialistId()).isNotEqualTo("dr-yasmin-khalil");
                    assertThat(m.reason()).contains("available for the session").contains("licensed in AE");
                });
    }

    private static ReviewView.Member member(ReviewView review, String specialistId) {
        return review.panel().stream().filter(m -> m.specialistId().equals(specialistId)).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
