package org.consilium.records;

import org.consilium.events.CancelCase;
import org.consilium.records.collection.RecordsView;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every bad upload gets its 4xx problem and leaves nothing behind: no GridFS file, no chunk, no
 * document on the case.
 */
class UploadProblemsTest extends RecordsServiceTestBase {
    private static final byte[] PDF = "%PDF-1.4\nsome report\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static String collecting;

    private String collectingCase() {
        if (collecting == null) {
            collecting = newCaseId();
            requestRecords(collecting, "lung");
        }
        return collecting;
    }

    private void refusedLeavingNothing(String caseId, int status, String problem, Supplier<Reply> call,
                                       String... detailContains) {
        long files = count("fs.files");
        long chunks = count("fs.chunks");
        int documents = caseId == null || caseDocument(caseId) == null ? 0 : documents(caseId);

        Reply reply = call.get();
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail body = reply.json(ProblemDetail.class);
        assertThat(body.getType()).hasToString("urn:consilium:problem:" + problem);
        assertThat(body.getStatus()).isEqualTo(status);
        assertThat(body.getDetail()).contains(detailContains);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("fs.files")).isEqualTo(files);
            assertThat(count("fs.chunks")).isEqualTo(chunks);
        });
        if (caseId != null && caseDocument(caseId) != null) {
            assertThat(documents(caseId)).isEqualTo(documents);
        }
    }

    private int documents(String caseId) {
        return http.get().uri("/cases/{caseId}/records", caseId).exchange().expectStatus().isOk()
                .expectBody(RecordsView.class).returnResult().getResponseBody()
                .counts().documents();
    }

    @Test
    void unknownCase() {
        refusedLeavingNothing(null, 404, "not-found",
                () -> reply(upload("case-unknown", "pathology-report", "p.pdf", "application/pdf", PDF)), "case-unknown");
    }

    @Test
    void unknownItemNamesTheValidOnes() {
        String caseId = collectingCase();
        refusedLeavingNothing(caseId, 400, "unknown-checklist-item",
                () -> reply(upload(caseId, "x-ray-of-the-moon", "p.pdf", "application/pdf", PDF)),
                "x-ray-of-the-moon", "pathology-report", "ct-chest-abdomen", "pet-ct", "first-opinion");
    }

    @Test
    void cancelledCase() {
        String caseId = newCaseId();
        requestRecords(caseId, "breast");
        KafkaProbe.publish(new CancelCase(caseId, "withdrawn"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(caseDocument(caseId).getString("status")));
        refusedLeavingNothing(caseId, 409, "case-cancelled",
                () -> reply(upload(caseId, "pathology-report", "p.pdf", "application/pdf", PDF)), "cancelled");
    }

    @Test
    void missingFilePart() {
        String caseId = collectingCase();
        refusedLeavingNothing(caseId, 400, "missing-part",
                () -> reply(upload(caseId, "pathology-report", null, null, null)), "'file'");
    }

    @Test
    void missingItemPart() {
        String caseId = collectingCase();
        refusedLeavingNothing(caseId, 400, "missing-part",
                () -> reply(upload(caseId, null, "p.pdf", "application/pdf", PDF)), "'item'");
    }

    @Test
    void fileWithoutFilename() {
        String caseId = collectingCase();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", "pathology-report");
        body.part("file", "just text, no filename");
        refusedLeavingNothing(caseId, 400, "bad-part", () -> reply(http.post().uri("/cases/{caseId}/documents", caseId)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()), "filename");
    }

    @Test
    void largeFormFieldInsteadOfAFile() {
        String caseId = collectingCase();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", "pathology-report");
        body.part("file", "x".repeat(100_000));
        refusedLeavingNothing(caseId, 413, "part-too-large", () -> reply(http.post().uri("/cases/{caseId}/documents", caseId)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()), "file part");
    }

    @Test
    void clientGoneMidUploadLeavesNothing() {
        String caseId = collectingCase();
        long files = count("fs.files");
        long chunks = count("fs.chunks");
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", "pet-ct");
        // 8 MiB arrive and are stored, then the client fails and drops the connection
        body.asyncPart("file", generated(8L * 1024 * 1024).concatWith(Flux.error(new IllegalStateException("client crashed"))),
                DataBuffer.class).filename("pet.bin");
        assertThatThrownBy(() -> web().post().uri("/cases/{caseId}/documents", caseId)
                .body(BodyInserters.fromMultipartData(body.build())).retrieve().toBodilessEntity()
                .block(Duration.ofSeconds(30))).hasMessageContaining("client crashed");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("fs.files")).isEqualTo(files);
            assertThat(count("fs.chunks")).isEqualTo(chunks);
        });
        assertThat(documents(caseId)).isZero();
    }

    @Test
    void documentDateInTheFuture() {
        String caseId = collectingCase();
        String tomorrowEverywhere = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        refusedLeavingNothing(caseId, 400, "invalid-document-date",
                () -> reply(upload(caseId, "pet-ct", tomorrowEverywhere, "p.pdf", "application/pdf", PDF)),
                tomorrowEverywhere, "future");
    }

    @Test
    void documentDateThatIsNoDate() {
        String caseId = collectingCase();
        refusedLeavingNothing(caseId, 400, "invalid-document-date",
                () -> reply(upload(caseId, "pet-ct", "25/11/2026", "p.pdf", "application/pdf", PDF)), "25/11/2026", "ISO");
    }

    @Test
    void theSameContentTwiceIsADuplicateNamingTheFirstDocument() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        byte[] report = "%PDF-1.4\nthe one pathology report\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String first = upload(caseId, "pathology-report", "p.pdf", "application/pdf", report).expectStatus().isCreated()
                .expectBody(org.consilium.records.collection.RecordDocument.class).returnResult().getResponseBody().id();
        // same bytes, other name and item: still the same document
        refusedLeavingNothing(caseId, 409, "duplicate-document",
                () -> reply(upload(caseId, "staging-tnm", "again.pdf", "application/pdf", report)), first, "pathology-report");
        Reply again = reply(upload(caseId, "pathology-report", "p.pdf", "application/pdf", report));
        assertThat(again.body()).contains("\"existingDocumentId\":\"" + first + "\"");
        assertThat(documents(caseId)).isEqualTo(1);
    }

    @Test
    void zipBombByCompressionRatio() {
        String caseId = collectingCase();
        byte[] bomb = zip(Map.of("zeros.bin", new byte[4 * 1024 * 1024])); // ~4 KB expanding to 4 MB
        refusedLeavingNothing(caseId, 422, "archive-compression-ratio",
                () -> reply(upload(caseId, "pet-ct", "images.zip", "application/zip", bomb)), "zip bomb");
    }

    @Test
    void zipExpandingBeyondTheLimit() {
        String caseId = collectingCase();
        byte[] random = new byte[9 * 1024 * 1024]; // incompressible: the ratio is fine, the total is not
        new java.util.Random(42).nextBytes(random);
        byte[] archive = zip(Map.of("a.bin", random));
        refusedLeavingNothing(caseId, 422, "archive-too-large",
                () -> reply(upload(caseId, "pet-ct", "images.zip", "application/octet-stream", archive)),
                String.valueOf(8 * 1024 * 1024));
    }

    @Test
    void zipWithTooManyEntries() {
        String caseId = collectingCase();
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            entries.put("slice-" + i + ".txt", ("slice " + i).getBytes(StandardCharsets.UTF_8));
        }
        refusedLeavingNothing(caseId, 422, "archive-too-many-entries",
                () -> reply(upload(caseId, "pet-ct", "images.zip", "application/zip", zip(entries))), "50");
    }

    @Test
    void zipEntriesEscapingTheFolder() {
        String caseId = collectingCase();
        for (String name : List.of("../evil.sh", "report/../../evil.sh", "/etc/cron.d/evil", "C:\\Windows\\evil.dll",
                "..\\evil.bat")) {
            refusedLeavingNothing(caseId, 422, "archive-path-traversal",
                    () -> reply(upload(caseId, "pet-ct", "images.zip", "application/zip",
                            zip(Map.of("ok.txt", "fine".getBytes(StandardCharsets.UTF_8), name,
                                    name.getBytes(StandardCharsets.UTF_8))))), name);
        }
    }

    @Test
    void unreadableZip() {
        String caseId = collectingCase();
        byte[] archive = zip(Map.of("a.txt", "some text that is long enough to be deflated, some text".getBytes(
                StandardCharsets.UTF_8)));
        byte[] broken = java.util.Arrays.copyOf(archive, 40); // a local header, then the data breaks off
        refusedLeavingNothing(caseId, 422, "archive-unreadable",
                () -> reply(upload(caseId, "pet-ct", "images.zip", "application/zip", broken)), "cannot be read");
    }

    @Test
    void aSafeZipIsAccepted() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("report.txt", "PET-CT report".getBytes(StandardCharsets.UTF_8));
        entries.put("series/slice-1.dcm", new byte[] {1, 2, 3});
        byte[] archive = zip(entries);
        upload(caseId, "pet-ct", "pet.zip", "application/zip", archive).expectStatus().isCreated()
                .expectBody().jsonPath("$.detectedContentType").isEqualTo("application/zip");
    }

    @Test
    void emptyFile() {
        String caseId = collectingCase();
        refusedLeavingNothing(caseId, 400, "empty-file",
                () -> reply(upload(caseId, "pathology-report", "empty.pdf", "application/pdf", new byte[0])), "empty.pdf");
    }

    @Test
    void tooLargeWhileStreaming() {
        String caseId = collectingCase();
        // sent chunked, so only counting the bytes as they arrive can tell: one byte over the limit
        refusedLeavingNothing(caseId, 413, "document-too-large",
                () -> uploadGenerated(caseId, "pet-ct", "pet.bin", LIMIT + 1), String.valueOf(LIMIT));
    }

    @Test
    void tooLargeByDeclaredLengthIsRefusedBeforeReadingTheBody() throws Exception {
        String caseId = collectingCase();
        long files = count("fs.files");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /cases/" + caseId + "/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + STAFF + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b0undary\r\n"
                    + "Content-Length: " + (10 * LIMIT) + "\r\n\r\n"
                    + "--b0undary\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\npet-ct\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            StringBuilder response = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                response.append(line).append('\n');
            }
            assertThat(statusLine).startsWith("HTTP/1.1 413 ");
            assertThat(response.toString()).containsIgnoringCase("content-type: application/problem+json");
        }
        assertThat(count("fs.files")).isEqualTo(files);
    }
}
