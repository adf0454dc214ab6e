package org.consilium.mdt.directory;

import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.review.ReviewView;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.ZoneId;
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

        List<Specialist> pathologists = http.get().uri("/specialists?discipline=pathologist").exchange()
                .expectStatus().isOk().expectBodyList(Specialist.class).returnResult().getResponseBody();
        assertThat(pathologists).hasSize(perDiscipline.get("pathologist").intValue())
                .allSatisfy(s -> assertThat(s.discipline()).isEqualTo("pathologist"))
                .extracting(Specialist::name).isSorted();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sessionsListTheCasesBookedOnThem() {
        String caseId = newCaseId("agenda");
        KafkaProbe.publish(smallCase(caseId));
        ReviewView review = awaitReview(caseId);

        List<Map<String, Object>> sessions = http.get()
                .uri(u -> u.path("/sessions").queryParam("from", review.session().startsAt().minusSeconds(1).toString())
                        .queryParam("days", 7).build())
                .exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(sessions).hasSize(5); // one every weekday
        Map<String, Map<String, Object>> byId = sessions.stream()
                .collect(Collectors.toMap(s -> (String) s.get("id"), Function.identity()));
        Map<String, Object> ours = byId.get(review.session().id());
        assertThat(ours.get("startsAt")).isEqualTo(review.session().startsAt().toString());
        assertThat(ours.get("capacity")).isEqualTo(8);
        assertThat((List<Object>) ours.get("cases")).contains(caseId);

        problem(http.get().uri("/sessions?days=365").exchange(), HttpStatus.BAD_REQUEST, "bad-range");
    }

    @Test
    void theApiIsDescribedWithOpenApiAndTheServiceReportsHealth() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/reviews/{caseId}/consensus'].post").exists()
                .jsonPath("$.paths['/reviews/{caseId}/opinions'].post").exists()
                .jsonPath("$.paths['/sessions'].get").exists()
                .jsonPath("$.paths['/specialists'].get").exists();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
