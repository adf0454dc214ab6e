package org.consilium.records;

import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.CancelCase;
import org.consilium.events.Urgency;
import org.consilium.records.collection.RecencyRecheck;
import org.consilium.records.collection.RecordsStatus;
import org.consilium.records.collection.RecordsView;
import org.consilium.records.collection.RecordsView.ItemStatus;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recency windows, coordinator waivers and overrides, and RecordsIncomplete, over HTTP and Kafka. */
class ChecklistDecisionsTest extends RecordsServiceTestBase {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private RecordsView records(String caseId) {
        return http.get().uri("/cases/{caseId}/records", caseId).exchange()
                .expectStatus().isOk().expectBody(RecordsView.class).returnResult().getResponseBody();
    }

    private static RecordsView.Item item(RecordsView view, String code) {
        return view.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private void uploadDated(String caseId, String item, LocalDate date) {
        byte[] content = ("%PDF-1.4\n" + item + " " + date + " " + caseId + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        upload(caseId, item, date == null ? null : date.toString(), item + ".pdf", "application/pdf", content)
                .expectStatus().isCreated();
    }

    private List<RecordsIncomplete> incomplete(String caseId) {
        return KafkaProbe.envelopes(MessageType.RECORDS_INCOMPLETE, caseId).stream()
                .map(e -> e.payload(RecordsIncomplete.class)).toList();
    }

    private RecordsIncomplete awaitIncomplete(String caseId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(caseId).size() >= count);
        List<RecordsIncomplete> all = incomplete(caseId);
        assertThat(all).hasSize(count);
        return all.get(count - 1);
    }

    @Autowired
    private RecencyRecheck recencyRecheck;

    @Test
    void theScheduledRecheckReportsItemsThatWentStaleOnce() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        uploadDated(caseId, "pet-ct", TODAY.minusDays(50));
        RecordsIncomplete before = awaitIncomplete(caseId, 2);
        assertThat(before.staleItems()).isEmpty();

        Instant elevenDaysOn = Instant.now().plus(Duration.ofDays(11));
        assertThat(recencyRecheck.recheck(elevenDaysOn).block()).isPositive();
        RecordsIncomplete stale = awaitIncomplete(caseId, 3);
        assertThat(stale.staleItems()).containsExactly("pet-ct");
        assertThat(stale.missingItems()).doesNotContain("pet-ct");

        long version = caseDocument(caseId).getLong("version");
        recencyRecheck.recheck(elevenDaysOn).block(); // nothing changed for this case: no event, no write
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(incomplete(caseId)).hasSize(3);
        assertThat(caseDocument(caseId).getLong("version")).isLessThanOrEqualTo(version + 1); // + the relay's removal
    }

    @Test
    void anUrgentCaseFlagsImagingOlderThan30DaysAsStaleAndSaysWhy() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung", Urgency.URGENT);
        RecordsIncomplete first = awaitIncomplete(caseId, 1);
        assertThat(first.missingItems()).containsExactly("first-opinion", "current-medications", "pathology-report",
                "ct-chest-abdomen", "pet-ct", "staging-tnm");
        assertThat(first.staleItems()).isEmpty();

        // the brief's urgent lung case: CT from 5 weeks ago, PET-CT from 3 weeks ago, an old pathology report
        uploadDated(caseId, "ct-chest-abdomen", TODAY.minusDays(35));
        uploadDated(caseId, "pet-ct", TODAY.minusDays(21));
        uploadDated(caseId, "pathology-report", TODAY.minusYears(1));

        RecordsView view = records(caseId);
        RecordsView.Item ct = item(view, "ct-chest-abdomen");
        assertThat(ct.status()).isEqualTo(ItemStatus.STALE);
        assertThat(ct.recencyDays()).isEqualTo(30);
        assertThat(ct.staleReason()).contains(TODAY.minusDays(35).toString(), "35 days", "30 days");
        assertThat(ct.documents()).singleElement().satisfies(d -> assertThat(d.documentDate()).isEqualTo(TODAY.minusDays(35)));
        assertThat(item(view, "pet-ct").status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(item(view, "pathology-report").status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(item(view, "pathology-report").recencyDays()).isNull();
        assertThat(view.counts().stale()).isEqualTo(1);
        assertThat(view.counts().requiredMissing()).isEqualTo(4); // 3 missing + 1 stale

        RecordsIncomplete latest = awaitIncomplete(caseId, 4);
        assertThat(latest.missingItems()).containsExactly("first-opinion", "current-medications", "staging-tnm");
        assertThat(latest.staleItems()).containsExactly("ct-chest-abdomen");

        // replacing the stale CT with a fresh one
        uploadDated(caseId, "ct-chest-abdomen", TODAY.minusDays(2));
        assertThat(item(records(caseId), "ct-chest-abdomen").status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(awaitIncomplete(caseId, 5).staleItems()).isEmpty();
        // polling changes nothing and publishes nothing
        records(caseId);
        records(caseId);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(incomplete(caseId)).hasSize(5);
    }

    @Test
    void aRoutineCaseKeepsImagingFor60Days() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        uploadDated(caseId, "ct-chest-abdomen", TODAY.minusDays(35));
        uploadDated(caseId, "pet-ct", TODAY.minusDays(61));
        RecordsView view = records(caseId);
        assertThat(item(view, "ct-chest-abdomen").status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(item(view, "ct-chest-abdomen").recencyDays()).isEqualTo(60);
        assertThat(item(view, "pet-ct").status()).isEqualTo(ItemStatus.STALE);
        // an empty date field (an unfilled form input) means "not stated": the upload date counts
        upload(caseId, "staging-tnm", "", "tnm.pdf", "application/pdf", "%PDF-1.4 tnm".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated().expectBody().jsonPath("$.documentDate").doesNotExist();
        assertThat(item(records(caseId), "staging-tnm").status()).isEqualTo(ItemStatus.RECEIVED);
    }

    @Test
    void waiversAndTheirProblems() {
        String caseId = newCaseId();
        requestRecords(caseId, "breast");
        awaitIncomplete(caseId, 1);
        for (String item : List.of("first-opinion", "current-medications", "pathology-report")) {
            uploadDated(caseId, item, null);
        }
        awaitIncomplete(caseId, 4);

        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "mammogram-ultrasound")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("by", "coordinator.lee", "reason", " "))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "mammogram-ultrasound")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1); // reason; who decides is the token's user
        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "x-ray-of-the-moon")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "r"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-found");
        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", "case-nobody", "pet-ct")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "r"))
                .exchange().expectStatus().isNotFound();
        assertThat(records(caseId).status()).isEqualTo(RecordsStatus.COLLECTING);

        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "breast-mri")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("by", "coordinator.lee", "reason", "no surgery planned"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.code=='breast-mri')].status").isEqualTo("WAIVED");
        assertThat(incomplete(caseId)).hasSize(4); // an optional item: what is lacking did not change

        RecordsView view = http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "mammogram-ultrasound")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("by", "coordinator.lee", "reason", "imaging reviewed at the referring centre"))
                .exchange().expectStatus().isOk().expectBody(RecordsView.class).returnResult().getResponseBody();
        assertThat(view.status()).isEqualTo(RecordsStatus.COMPLETE);
        RecordsView.Item waived = item(view, "mammogram-ultrasound");
        assertThat(waived.status()).isEqualTo(ItemStatus.WAIVED);
        assertThat(waived.waiver().by()).isEqualTo("coordinator.lee");
        assertThat(waived.waiver().reason()).isEqualTo("imaging reviewed at the referring centre");
        assertThat(waived.waiver().at()).isNotNull();
        assertThat(view.counts().waived()).isEqualTo(2);
        assertThat(view.counts().requiredMissing()).isZero();
        assertThat(item(records(caseId), "mammogram-ultrasound").waiver()).isEqualTo(waived.waiver());

        RecordsCompleted completed = KafkaProbe.awaitPublished(MessageType.RECORDS_COMPLETED, caseId, RecordsCompleted.class);
        assertThat(completed.documentCount()).isEqualTo(3);
        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "germline-brca")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "r"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:records-complete");
        http.post().uri("/cases/{caseId}/records/override", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "r"))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).hasSize(1);
        assertThat(incomplete(caseId)).hasSize(4);
    }

    @Test
    void anOverrideCompletesTheRecordsNowAndOnce() {
        String caseId = newCaseId();
        requestRecords(caseId, "pancreatic", Urgency.URGENT);
        uploadDated(caseId, "pathology-report", null);
        http.post().uri("/cases/{caseId}/records/override", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("by", "coordinator.lee"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation");

        RecordsView view = http.post().uri("/cases/{caseId}/records/override", caseId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("by", "coordinator.lee", "reason", "treatment starts in 4 days; panel reviews in parallel"))
                .exchange().expectStatus().isOk().expectBody(RecordsView.class).returnResult().getResponseBody();
        assertThat(view.status()).isEqualTo(RecordsStatus.COMPLETE);
        assertThat(view.override().by()).isEqualTo("coordinator.lee");
        assertThat(view.override().reason()).contains("in parallel");
        assertThat(view.completedAt()).isEqualTo(view.override().at());
        assertThat(view.counts().requiredMissing()).isPositive(); // still shown as missing: the override does not hide it

        Envelope completed = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId), l -> !l.isEmpty()).get(0);
        assertThat(completed.payload(RecordsCompleted.class).documentCount()).isEqualTo(1);
        uploadDated(caseId, "ca-19-9", null); // still takes documents; completes nothing again
        http.post().uri("/cases/{caseId}/records/override", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "again"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:records-complete");
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).size() == 2);
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).hasSize(1);
        assertThat(records(caseId).override()).isEqualTo(view.override());
    }

    @Test
    void aCancelledCaseTakesNoWaiverOrOverride() {
        String caseId = newCaseId();
        requestRecords(caseId, "gastric");
        KafkaProbe.publish(new CancelCase(caseId, "withdrawn"));
        await().atMost(Duration.ofSeconds(30)).until(() -> records(caseId).status() == RecordsStatus.CANCELLED);
        http.post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, "pathology-report")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "r"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:case-cancelled");
        http.post().uri("/cases/{caseId}/records/override", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "r"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:case-cancelled");
        assertThat(records(caseId).override()).isNull();
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).isEmpty();
    }
}
