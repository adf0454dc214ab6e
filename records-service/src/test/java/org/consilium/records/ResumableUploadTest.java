package org.consilium.records;

import org.consilium.events.CancelCase;
import org.consilium.records.collection.RecordDocument;
import org.consilium.records.collection.RecordsView;
import org.consilium.records.upload.ResumableUploads;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** tus 1.0 resumable uploads: creation, appending, resuming after a broken PATCH, problems, expiry. */
class ResumableUploadTest extends RecordsServiceTestBase {
    private static final int MB = 1024 * 1024;
    private static final String CHUNKS = "resumableChunks";
    private static final String UPLOADS = "resumableUploads";

    @Autowired
    ResumableUploads resumable;

    static String metadata(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " " + Base64.getEncoder()
                .encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))).collect(Collectors.joining(","));
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    private Reply create(String caseId, long length, Map<String, String> meta) {
        return reply(http.post().uri("/cases/{caseId}/uploads", caseId)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", metadata(meta))
                .exchange());
    }

    private String created(String caseId, long length, String item, String filename) {
        Reply reply = create(caseId, length, Map.of("item", item, "filename", filename, "contentType", "application/octet-stream"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.headers().getFirst("Tus-Resumable")).isEqualTo("1.0.0");
        String location = reply.headers().getLocation().toString();
        assertThat(location).startsWith("/cases/" + caseId + "/uploads/");
        return location;
    }

    private Reply patch(String location, long offset, byte[] bytes) {
        return reply(http.method(HttpMethod.PATCH).uri(location)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset))
                .contentType(MediaType.parseMediaType("application/offset+octet-stream"))
                .bodyValue(bytes)
                .exchange());
    }

    private Reply head(String location) {
        return reply(http.head().uri(location).header("Tus-Resumable", "1.0.0").exchange());
    }

    private long offset(String location) {
        Reply reply = head(location);
        assertThat(reply.status()).isEqualTo(200);
        return Long.parseLong(reply.headers().getFirst("Upload-Offset"));
    }

    private long chunksOf(String location) {
        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        return mongo.count(Query.query(where("uploadId").is(uploadId)), CHUNKS).block();
    }

    private RecordDocument document(String caseId, String documentId) {
        RecordsView view = http.get().uri("/cases/{caseId}/records", caseId).exchange().expectStatus().isOk()
                .expectBody(RecordsView.class).returnResult().getResponseBody();
        return view.items().stream().flatMap(i -> i.documents().stream()).filter(d -> d.id().equals(documentId))
                .findFirst().orElseThrow(() -> new AssertionError("no document " + documentId + " in " + view));
    }

    private void problem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.json(ProblemDetail.class).getType()).hasToString("urn:consilium:problem:" + slug);
    }

    @Test
    void optionsAdvertisesTheProtocol() {
        HttpHeaders headers = http.options().uri("/cases/{caseId}/uploads", "any").exchange()
                .expectStatus().isNoContent().returnResult(Void.class).getResponseHeaders();
        assertThat(headers.getFirst("Tus-Version")).isEqualTo("1.0.0");
        assertThat(headers.getFirst("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(headers.getFirst("Tus-Extension")).contains("creation");
        assertThat(headers.getFirst("Tus-Max-Size")).isEqualTo(String.valueOf(LIMIT));
    }

    @Test
    void createTwoPatchesCompleteTheDocument() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        byte[] content = random(2 * MB + 12345, 1);
        String location = created(caseId, content.length, "pathology-report", "biopsy.bin");
        assertThat(offset(location)).isZero();
        assertThat(head(location).headers().getFirst("Upload-Length")).isEqualTo(String.valueOf(content.length));

        int half = 1_300_000;
        Reply first = patch(location, 0, Arrays.copyOfRange(content, 0, half));
        assertThat(first.status()).as(first.body()).isEqualTo(204);
        assertThat(first.headers().getFirst("Upload-Offset")).isEqualTo(String.valueOf(half));
        assertThat(offset(location)).isEqualTo(half);

        Reply second = patch(location, half, Arrays.copyOfRange(content, half, content.length));
        assertThat(second.status()).as(second.body()).isEqualTo(204);
        assertThat(second.headers().getFirst("Upload-Offset")).isEqualTo(String.valueOf(content.length));
        String documentId = second.headers().getFirst("Document-Id");
        assertThat(second.headers().getFirst("Content-Location")).isEqualTo("/cases/" + caseId + "/documents/" + documentId);

        RecordDocument document = document(caseId, documentId);
        assertThat(document.item()).isEqualTo("pathology-report");
        assertThat(document.filename()).isEqualTo("biopsy.bin");
        assertThat(document.size()).isEqualTo(content.length);
        assertThat(document.sha256()).isEqualTo(sha256Hex(content));
        String[] downloaded = digest(web().get().uri("/cases/{c}/documents/{d}", caseId, documentId).retrieve()
                .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class));
        assertThat(downloaded[1]).isEqualTo(sha256Hex(content));
        // the upload and its chunks are gone once the document is stored
        assertThat(head(location).status()).isEqualTo(404);
        assertThat(chunksOf(location)).isZero();
    }

    /** Issue 11: a PDF sent in pieces without a documentDate is as old as its own metadata says, as a form upload. */
    @Test
    void aPdfSentInPiecesIsDatedByItsOwnMetadata() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        java.time.LocalDate seventyDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(70);
        byte[] content = org.consilium.records.pdf.TinyPdf.of("CT chest: 32 mm mass, right upper lobe")
                .created(org.consilium.records.pdf.TinyPdf.noonUtc(seventyDaysAgo)).bytes();
        String location = created(caseId, content.length, "ct-chest-abdomen", "ct.pdf");
        int half = content.length / 2;
        assertThat(patch(location, 0, Arrays.copyOfRange(content, 0, half)).status()).isEqualTo(204);
        Reply last = patch(location, half, Arrays.copyOfRange(content, half, content.length));
        assertThat(last.status()).as(last.body()).isEqualTo(204);

        RecordDocument document = document(caseId, last.headers().getFirst("Document-Id"));
        assertThat(document.pdfDate()).isEqualTo(seventyDaysAgo);
        RecordsView.Item ct = http.get().uri("/cases/{caseId}/records", caseId).exchange().expectStatus().isOk()
                .expectBody(RecordsView.class).returnResult().getResponseBody().items().stream()
                .filter(i -> i.code().equals("ct-chest-abdomen")).findFirst().orElseThrow();
        assertThat(ct.status()).isEqualTo(RecordsView.ItemStatus.STALE);
    }

    @Test
    void anInterruptedPatchKeepsWhatArrivedAndResumes() throws Exception {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        byte[] content = random(3 * MB + 777, 2);
        String location = created(caseId, content.length, "pet-ct", "pet.bin");

        int sent = 2 * MB + MB / 2;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + STAFF + "\r\nTus-Resumable: 1.0.0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, sent);
            out.flush();
            // let the server store what arrived before the link drops (a reset discards unread bytes)
            await().atMost(Duration.ofSeconds(20)).until(() -> offset(location) >= 2 * MB);
            socket.setSoLinger(true, 0); // the link drops: reset, mid-body
        }
        // at least the whole chunks that arrived are durable; the rest once the server saw the body break
        await().atMost(Duration.ofSeconds(20)).until(() -> offset(location) >= 2 * MB);
        long durable = stableOffset(location);
        System.out.printf("interrupted PATCH: %d bytes sent, %d durable%n", sent, durable);
        assertThat(durable).isBetween(2L * MB, (long) sent);
        assertThat(chunksOf(location)).isPositive();

        problem(patch(location, 0, Arrays.copyOfRange(content, 0, 10)), 409, "offset-mismatch");
        Reply resumed = patch(location, durable, Arrays.copyOfRange(content, (int) durable, content.length));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(204);
        RecordDocument document = document(caseId, resumed.headers().getFirst("Document-Id"));
        assertThat(document.size()).isEqualTo(content.length);
        assertThat(document.sha256()).isEqualTo(sha256Hex(content));
        assertThat(chunksOf(location)).isZero();
    }

    /** The offset once it stops moving: the same in two reads a second apart. */
    private long stableOffset(String location) {
        AtomicLong last = new AtomicLong(-1);
        return await().pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofMinutes(1)).until(() -> {
            long now = offset(location);
            return now == last.getAndSet(now) ? now : null;
        }, java.util.Objects::nonNull);
    }

    @Test
    void offsetMismatchIs409AndStoresNothing() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String location = created(caseId, 100, "pathology-report", "p.bin");
        problem(patch(location, 5, random(10, 3)), 409, "offset-mismatch");
        assertThat(offset(location)).isZero();
        assertThat(chunksOf(location)).isZero();
    }

    @Test
    void protocolProblems() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String location = created(caseId, 100, "pathology-report", "p.bin");
        problem(reply(http.method(HttpMethod.PATCH).uri(location).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(random(10, 4))
                .exchange()), 415, "unsupported-media-type");
        problem(reply(http.method(HttpMethod.PATCH).uri(location).header("Tus-Resumable", "0.2.2")
                .header("Upload-Offset", "0").contentType(MediaType.parseMediaType("application/offset+octet-stream"))
                .bodyValue(random(10, 4)).exchange()), 412, "unsupported-tus-version");
        problem(patch(location, 0, random(101, 5)), 400, "upload-length-exceeded");
        assertThat(offset(location)).isZero();
        problem(reply(http.post().uri("/cases/{caseId}/uploads", caseId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Metadata", metadata(Map.of("item", "pathology-report", "filename", "x"))).exchange()),
                400, "invalid-upload-length");
        problem(create(caseId, 10, Map.of("filename", "x")), 400, "missing-metadata");
        problem(create(caseId, LIMIT + 1, Map.of("item", "pathology-report", "filename", "x")), 413, "document-too-large");
        problem(create(caseId, 10, Map.of("item", "pathology-report", "filename", "x", "documentDate", "2999-01-01")),
                400, "invalid-document-date");
        problem(create(caseId, 0, Map.of("item", "pathology-report", "filename", "x")), 400, "empty-file");
        assertThat(head("/cases/" + caseId + "/uploads/nope").status()).isEqualTo(404);
    }

    @Test
    void unknownItemIsRefusedAtCreation() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        long before = count(UPLOADS);
        Reply reply = create(caseId, 100, Map.of("item", "tarot-reading", "filename", "x.pdf"));
        problem(reply, 400, "unknown-checklist-item");
        assertThat(reply.body()).contains("pathology-report");
        assertThat(count(UPLOADS)).isEqualTo(before);
        problem(create("case-unknown", 100, Map.of("item", "pathology-report", "filename", "x.pdf")), 404, "not-found");
    }

    @Test
    void cancelledCaseIs409AndItsUnfinishedUploadGoes() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String location = created(caseId, 3 * MB, "pathology-report", "p.bin");
        assertThat(patch(location, 0, random(MB + 10, 6)).status()).isEqualTo(204);
        assertThat(chunksOf(location)).isEqualTo(2);

        KafkaProbe.publish(new CancelCase(caseId, "withdrawn"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(caseDocument(caseId).getString("status")));
        long before = count(UPLOADS);
        problem(create(caseId, 100, Map.of("item", "pathology-report", "filename", "x.pdf")), 409, "case-cancelled");
        assertThat(count(UPLOADS)).isEqualTo(before);
        problem(patch(location, MB + 10, random(10, 7)), 409, "case-cancelled");
        assertThat(chunksOf(location)).isZero();
        assertThat(head(location).status()).isEqualTo(404);
    }

    @Test
    void deleteAbortsAndLeavesNoChunks() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String location = created(caseId, 3 * MB, "pathology-report", "p.bin");
        assertThat(patch(location, 0, random(MB + MB / 2, 8)).status()).isEqualTo(204);
        assertThat(chunksOf(location)).isEqualTo(2);
        http.delete().uri(location).header("Tus-Resumable", "1.0.0").exchange().expectStatus().isNoContent();
        assertThat(chunksOf(location)).isZero();
        assertThat(head(location).status()).isEqualTo(404);
    }

    @Test
    void expiredUploadsAreDeletedWithTheirChunks() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String location = created(caseId, 3 * MB, "pathology-report", "p.bin");
        assertThat(patch(location, 0, random(MB + MB / 2, 9)).status()).isEqualTo(204);
        assertThat(chunksOf(location)).isEqualTo(2);

        assertThat(resumable.expire(Instant.now().plus(Duration.ofHours(23))).block()).isZero();
        assertThat(offset(location)).isEqualTo(MB + MB / 2);
        assertThat(resumable.expire(Instant.now().plus(Duration.ofHours(25))).block()).isPositive();
        assertThat(chunksOf(location)).isZero();
        assertThat(head(location).status()).isEqualTo(404);
        assertThat(count(CHUNKS)).isZero();
    }

    @Test
    void aDuplicateCompletionIsRefusedAndLeavesNothing() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        byte[] content = random(200_000, 10);
        String first = created(caseId, content.length, "pathology-report", "a.bin");
        assertThat(patch(first, 0, content).status()).isEqualTo(204);
        long files = count("fs.files");
        String second = created(caseId, content.length, "pet-ct", "b.bin");
        problem(patch(second, 0, content), 409, "duplicate-document");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("fs.files")).isEqualTo(files));
        assertThat(chunksOf(second)).isZero();
        assertThat(head(second).status()).isEqualTo(404);
    }

    @Test
    void anArchiveThatEscapesItsFolderIsRefusedWhenItCompletesAndLeavesNothing() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        byte[] archive = zip(new java.util.TreeMap<>(Map.of("ok.txt", "fine".getBytes(StandardCharsets.UTF_8),
                "../../evil.sh", "#!/bin/sh".getBytes(StandardCharsets.UTF_8))));
        long files = count("fs.files");
        String upload = created(caseId, archive.length, "pet-ct", "images.zip");
        problem(patch(upload, 0, archive), 422, "archive-path-traversal");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("fs.files")).isEqualTo(files));
        assertThat(chunksOf(upload)).isZero();
        assertThat(head(upload).status()).isEqualTo(404);
        assertThat(caseDocument(caseId).getList("items", org.bson.Document.class)).allSatisfy(item ->
                assertThat(item.getList("documents", Object.class, List.of())).isEmpty());
    }

    @SuppressWarnings("unused")
    private static Map<String, String> meta(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
