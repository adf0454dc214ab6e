package org.consilium.notification;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.events.ReportReleased;
import org.consilium.notification.casefile.CaseFacts;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: the released report's PDFs on demand for the patient's side — the plain one in the reader's language, the
 * clinician one — from the newest version released; refused to anyone else's token, and said when none is released.
 */
class ReportDownloadsTest extends ServiceTest {

    @Autowired
    CaseFacts facts;

    @Test
    void thePatientAndHerCaregiverDownloadTheReleasedReportAndNobodyElse() throws IOException {
        String caseId = newCaseId();
        WhoReceivesWhatTest.People people = WhoReceivesWhatTest.People.of(caseId, true, true, true);
        KafkaProbe.publish(people.submitted(List.of("review", "contact-current-doctor")));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts.contacts(caseId).blockOptional().isPresent());
        WebTestClient patient = as("budi", people.patient().email(), "patient");
        WebTestClient caregiver = as("siti", people.caregiver().email().toUpperCase(), "caregiver");

        // not released yet: said so, nothing rendered
        patient.get().uri("/cases/{id}/report.pdf", caseId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:report-not-released");

        KafkaProbe.publish(new ReportReleased(caseId, 1, WhoReceivesWhatTest.REPORT, "cora.nolan", Instant.now()));
        KafkaProbe.publish(new ReportReleased(caseId, 2, new org.consilium.events.ReportContent(false,
                "Chemo-immunotherapy before lobectomy, after PD-L1 testing", "The panel suggests medicine first.", null,
                List.of(), "dr-tan"), "cora.nolan", Instant.parse("2026-12-01T09:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts.latestReport(caseId).blockOptional()
                .map(r -> r.version() == 2).orElse(false));

        byte[] plain = patient.get().uri("/cases/{id}/report.pdf?rendering=plain&language=zh-Hans", caseId).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).contains("-zh.pdf"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(text(plain)).contains("The panel suggests medicine first.");
        byte[] clinician = caregiver.get().uri("/cases/{id}/report.pdf?rendering=clinician", caseId).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(text(clinician)).contains("after PD-L1 testing", "Patient: " + people.patient().name());

        // another patient, the patient's role with someone else's address, the doctor: refused
        as("eve", "eve@example.org", "patient").get().uri("/cases/{id}/report.pdf", caseId).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-your-case");
        as("siti", people.caregiver().email(), "patient").get().uri("/cases/{id}/report.pdf", caseId).exchange()
                .expectStatus().isForbidden();
        as("karim", people.doctor().email(), "referrer").get().uri("/cases/{id}/report.pdf", caseId).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:forbidden");
        // bad input names the field
        patient.get().uri("/cases/{id}/report.pdf?rendering=draft", caseId).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rendering");
    }

    private WebTestClient as(String username, String email, String role) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(username, email, role)).build();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
