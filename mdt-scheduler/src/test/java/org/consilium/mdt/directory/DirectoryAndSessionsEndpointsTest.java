package org.consilium.mdt.directory;

import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.review.ReviewView;
import org.consilium.mdt.session.SessionKind;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryAndSessionsEndpointsTest extends ServiceTest {

    @Test
    void theSeededDirectoryCoversEveryDisciplineAcrossTimeZones() {
        List<Specialist> all = http.get().uri("/specialists").exchange().expectStatus().isOk()
                .expectBodyList(Specialist.class).returnResult().getResponseBody();
        Map<String, Long> perDiscipline = all.stream().collect(Collectors.groupingBy(Specialist::discipline,
                Collectors.counting()));
        assertThat(perDiscipline.keySet()).containsExactlyInAnyOrderElementsOf(Disciplines.CODES);
        assertThat(perDiscipline).allSatisfy((discipline, count) -> assertThat(count).isPositive());
        List.of("medical-oncologist", "radiation-oncologist", "radiologist", "pathologist", "thoracic-surgeon",
                "breast-surgeon").forEach(common -> assertThat(perDiscipline.get(common)).isGreaterThanOrEqualTo(2));
        assertThat(all).extracting(Specialist::timeZone).contains("Asia/Singapore", "Europe/London",
                "America/New_York", "Asia/Shanghai", "Asia/Kolkata").allSatisfy(ZoneId::of);
        assertThat(all).extracting(Specialist::id).doesNotHaveDuplicates();
        // depth: every entry has licensure, affiliations and availability; surgeons have their tumour group
        assertThat(all).allSatisfy(s -> {
            assertThat(s.licensedIn()).isNotEmpty();
            assertThat(s.affiliations()).isNotEmpty();
            assertThat(s.availability()).isNotEmpty();
            assertThat(s.weeklyCapacity()).isPositive();
        });
        assertThat(all).filteredOn(s -> s.discipline().endsWith("-surgeon")).allSatisfy(s ->
                assertThat(s.subspecialties()).isNotEmpty());
        // Indonesia and the Emirates: every discipline the lung and breast examples need has licensed specialists
        for (String country : List.of("ID", "AE")) {
            List.of("thoracic-surgeon", "breast-surgeon", "medical-oncologist", "radiation-oncologist", "radiologist",
                    "pathologist", "pulmonologist", "supportive-care-physician").forEach(d -> assertThat(all)
                    .as(d + " licensed in " + country)
                    .filteredOn(s -> s.discipline().equals(d) && s.licensedFor(country)).isNotEmpty());
        }
        for (String country : List.of("GB", "SG", "IN", "US", "AE", "ID")) {
            List.of("medical-oncologist", "radiation-oncologist", "radiologist", "pathologist").forEach(d ->
                    assertThat(all).as(d + " licensed in " + country)
                            .filteredOn(s -> s.discipline().equals(d) && s.licensedFor(country)).hasSizeGreaterThanOrEqualTo(2));
        }

        List<Specialist> pathologists = http.get().uri("/specialists?discipline=pathologist").exchange()
                .expectStatus().isOk().expectBodyList(Specialist.class).returnResult().getResponseBody();
        assertThat(pathologists).hasSize(perDiscipline.get("pathologist").intValue())
                .allSatisfy(s -> assertThat(s.discipline()).isEqualTo("pathologist"))
                .extracting(Specialist::name).isSorted();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sessionsListTheBoardsSessionsAndTheCasesBookedOnThem() {
        String caseId = newCaseId("agenda");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);
        // an urgent breast case on this Sunday morning must be discussed by Tuesday 03:30 UTC, before the breast
        // board's Tuesday session: a one-case session, which its panel's chair runs
        String urgent = newCaseId("agenda-urgent");
        KafkaProbe.publish(new ScheduleReview(urgent, "breast", Urgency.URGENT, List.of("breast-surgeon",
                "medical-oncologist", "radiologist", "pathologist"), List.of("en"), "Europe/London",
                "Is surgery first right?", "Mastectomy", "GB", null));
        ReviewView oneCase = awaitReview(urgent);
        assertThat(oneCase.session().kind()).isNotEqualTo(SessionKind.BOARD);

        List<Map<String, Object>> sessions = http.get()
                .uri(u -> u.path("/sessions").queryParam("from", Collections.min(List.of(review.session().startsAt(),
                                oneCase.session().startsAt())).minusSeconds(1).toString())
                        .queryParam("days", 7).build())
                .exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        Map<String, Map<String, Object>> byId = sessions.stream()
                .collect(Collectors.toMap(s -> (String) s.get("id"), Function.identity()));
        Map<String, Object> ours = byId.get(review.session().id());
        assertThat(ours.get("startsAt")).isEqualTo(review.session().startsAt().toString());
        assertThat((List<Object>) ours.get("cases")).contains(caseId);
        assertThat(ours.get("kind")).isEqualTo(review.session().kind().name());
        // every board meets within a week, each with its chair and quorum
        assertThat(sessions).extracting(s -> s.get("tumourGroup")).contains("thoracic", "breast", "lower-gi",
                "upper-gi", "hpb", "urology", "haematology", "head-and-neck", "general");
        // every session has someone who runs it: a board's chair, or the chair of a one-case session's panel
        // (a case no panel can be composed for gets no session at all: PanelRulesServiceTest)
        assertThat(sessions).allSatisfy(s -> assertThat(s.get("chairId")).as(s.get("id") + " chair").isNotNull());
        Map<String, Object> oneCaseSession = byId.get(oneCase.session().id());
        assertThat(oneCaseSession.get("chairId")).isEqualTo(oneCase.panel().stream().filter(ReviewView.Member::chair)
                .findFirst().orElseThrow().specialistId());
        assertThat((List<Object>) oneCaseSession.get("cases")).containsExactly(urgent);
        Map<String, Object> thoracic = sessions.stream().filter(s -> "thoracic".equals(s.get("tumourGroup"))
                && SessionKind.BOARD.name().equals(s.get("kind"))).findFirst().orElseThrow();
        assertThat(thoracic.get("chairId")).isEqualTo("dr-siti-rahmawati");
        assertThat(thoracic.get("capacity")).isEqualTo(8);
        assertThat((List<Object>) thoracic.get("quorum")).contains("thoracic-surgeon", "pathologist");
        assertThat(((String) thoracic.get("startsAt"))).endsWith("T09:00:00Z"); // 17:00 in Singapore

        List<Map<String, Object>> breastOnly = http.get().uri("/sessions?tumourGroup=breast&days=14").exchange()
                .expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(breastOnly).hasSizeBetween(3, 5).allSatisfy(s -> assertThat(s.get("tumourGroup")).isEqualTo("breast"));

        problem(http.get().uri("/sessions?days=365").exchange(), HttpStatus.BAD_REQUEST, "bad-range");
    }

    @Test
    void theApiIsDescribedWithOpenApiAndTheServiceReportsHealth() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/reviews/{caseId}/consensus'].post").exists()
                .jsonPath("$.paths['/reviews/{caseId}/opinions'].post").exists()
                .jsonPath("$.paths['/sessions'].get").exists()
                .jsonPath("$.paths['/sessions/{sessionId}/agenda'].get").exists()
                .jsonPath("$.paths['/reviews/{caseId}/meeting'].get").exists()
                .jsonPath("$.paths['/reviews/{caseId}/panel/{discipline}'].put").exists()
                .jsonPath("$.paths['/reviews/{caseId}/questions'].post").exists()
                .jsonPath("$.paths['/reviews/{caseId}/questions/{questionId}/answer'].post").exists()
                .jsonPath("$.paths['/specialists'].get").exists();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
