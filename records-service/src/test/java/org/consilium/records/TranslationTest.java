package org.consilium.records;

import org.consilium.records.collection.RecordDocument;
import org.consilium.records.collection.RecordsView;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Documents marked as needing translation; a translation uploaded with {@code translationOf} is linked and clears the need. */
class TranslationTest extends RecordsServiceTestBase {
    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private Reply uploadTranslation(String caseId, String item, String translationOf, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", item);
        body.part("translationOf", translationOf);
        body.part("file", content).filename("translated.pdf").contentType(MediaType.APPLICATION_PDF);
        return reply(http.post().uri("/cases/{caseId}/documents", caseId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange());
    }

    private Reply needTranslation(String caseId, String documentId, String json) {
        return reply(http.post().uri("/cases/{c}/documents/{d}/translation-needed", caseId, documentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange());
    }

    private RecordDocument document(String caseId, String documentId) {
        RecordsView view = http.get().uri("/cases/{caseId}/records", caseId).exchange().expectStatus().isOk()
                .expectBody(RecordsView.class).returnResult().getResponseBody();
        return view.items().stream().flatMap(i -> i.documents().stream()).filter(d -> d.id().equals(documentId))
                .findFirst().orElseThrow();
    }

    private String uploaded(String caseId, String item, byte[] content) {
        Reply reply = reply(upload(caseId, item, "report.pdf", "application/pdf", content));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json(RecordDocument.class).id();
    }

    private static void problem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.json(ProblemDetail.class).getType()).hasToString("urn:consilium:problem:" + slug);
    }

    @Test
    void aTranslationIsLinkedToItsOriginalAndClearsTheNeed() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String original = uploaded(caseId, "pathology-report", pdf("Befund: Adenokarzinom"));

        Reply marked = needTranslation(caseId, original, "{\"language\":\"en\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json(RecordDocument.class).translationNeeded()).isEqualTo("en");
        assertThat(document(caseId, original).translationNeeded()).isEqualTo("en");

        Reply translated = uploadTranslation(caseId, "pathology-report", original, pdf("Report: adenocarcinoma"));
        assertThat(translated.status()).as(translated.body()).isEqualTo(201);
        RecordDocument translation = translated.json(RecordDocument.class);
        assertThat(translation.translationOf()).isEqualTo(original);

        RecordDocument after = document(caseId, original);
        assertThat(after.translationNeeded()).isNull();
        assertThat(after.translatedInto()).isEqualTo("en");
        assertThat(after.translations()).containsExactly(translation.id());
        assertThat(document(caseId, translation.id()).translationOf()).isEqualTo(original);
    }

    @Test
    void aTranslationViaResumableUploadIsLinkedToo() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String original = uploaded(caseId, "pathology-report", pdf("Informe: carcinoma"));
        assertThat(needTranslation(caseId, original, "{\"language\":\"de\"}").status()).isEqualTo(200);
        byte[] content = pdf("Bericht: Karzinom");
        String meta = ResumableUploadTest.metadata(Map.of("item", "pathology-report", "filename", "bericht.pdf",
                "translationOf", original));
        Reply created = reply(http.post().uri("/cases/{c}/uploads", caseId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(content.length)).header("Upload-Metadata", meta).exchange());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Reply done = reply(http.patch().uri(created.headers().getLocation().toString()).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").contentType(MediaType.parseMediaType("application/offset+octet-stream"))
                .bodyValue(content).exchange());
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        String id = done.headers().getFirst("Document-Id");
        assertThat(document(caseId, id).translationOf()).isEqualTo(original);
        assertThat(document(caseId, original).translationNeeded()).isNull();
        assertThat(document(caseId, original).translations()).containsExactly(id);

        String bad = ResumableUploadTest.metadata(Map.of("item", "pathology-report", "filename", "x.pdf",
                "translationOf", "nope"));
        problem(reply(http.post().uri("/cases/{c}/uploads", caseId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "10").header("Upload-Metadata", bad).exchange()), 400, "unknown-original-document");
    }

    @Test
    void theOriginalMustBeADocumentOfTheSameCase() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String other = newCaseId();
        requestRecords(other, "lung");
        String elsewhere = uploaded(other, "pathology-report", pdf("another case's report"));
        long files = count("fs.files");
        long chunks = count("fs.chunks");

        problem(uploadTranslation(caseId, "pathology-report", elsewhere, pdf("translation 1")), 400,
                "unknown-original-document");
        problem(uploadTranslation(caseId, "pathology-report", "no-such-document", pdf("translation 2")), 400,
                "unknown-original-document");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("fs.files")).isEqualTo(files);
            assertThat(count("fs.chunks")).isEqualTo(chunks);
        });
        assertThat(http.get().uri("/cases/{caseId}/records", caseId).exchange().expectBody(RecordsView.class)
                .returnResult().getResponseBody().counts().documents()).isZero();
    }

    @Test
    void markingProblems() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String original = uploaded(caseId, "pathology-report", pdf("Befund " + Base64.getEncoder().encodeToString(
                caseId.getBytes(StandardCharsets.UTF_8))));
        problem(needTranslation(caseId, original, "{\"language\":\"\"}"), 400, "validation");
        problem(needTranslation(caseId, original, "{\"language\":\"not a language\"}"), 400, "validation");
        problem(needTranslation(caseId, "no-such-document", "{\"language\":\"en\"}"), 404, "not-found");
        problem(needTranslation("case-unknown", original, "{\"language\":\"en\"}"), 404, "not-found");
    }
}
