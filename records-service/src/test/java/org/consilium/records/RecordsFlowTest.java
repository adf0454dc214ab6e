package org.consilium.records;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.consilium.events.CancelCase;
import org.consilium.events.DocumentReceived;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RequestRecords;
import org.consilium.events.Topics;
import org.consilium.events.Urgency;
import org.consilium.records.collection.RecordDocument;
import org.consilium.records.collection.RecordsStatus;
import org.consilium.records.collection.RecordsView;
import org.consilium.records.dicom.DicomStudy;
import org.consilium.records.dicom.TinyDicom;
import org.consilium.records.pdf.TinyPdf;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The records part of a case, end to end: command in, checklist, uploads, events out, downloads. */
class RecordsFlowTest extends RecordsServiceTestBase {

    private RecordsView records(String caseId) {
        return http.get().uri("/cases/{caseId}/records", caseId).exchange()
                .expectStatus().isOk().expectBody(RecordsView.class).returnResult().getResponseBody();
    }

    private RecordDocument uploaded(String caseId, String item) {
        byte[] content = ("%PDF-1.4\n" + item + " of " + caseId + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return upload(caseId, item, item + ".pdf", "application/pdf", content)
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
    }

    @Test
    void requestRecordsBuildsTheChecklistOfTheCancerType() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");

        RecordsView view = records(caseId);
        assertThat(view.status()).isEqualTo(RecordsStatus.COLLECTING);
        assertThat(view.rule()).isEqualTo("lung");
        assertThat(view.items()).extracting(RecordsView.Item::code).containsExactly("first-opinion",
                "current-medications", "treatment-history", "pathology-report", "ct-chest-abdomen", "pet-ct",
                "staging-tnm", "brain-mri", "molecular-results");
        assertThat(view.items()).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(RecordsView.ItemStatus.MISSING);
            assertThat(i.documents()).isEmpty();
        });
        assertThat(view.counts()).isEqualTo(new RecordsView.Counts(9, 6, 0, 0, 0, 0, 6, 0, 0));
    }

    @Test
    void unknownCaseIsA404Problem() {
        http.get().uri("/cases/{caseId}/records", "case-nobody-knows").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-found");
    }

    @Test
    void uploadingEveryRequiredItemCompletesTheRecordsExactlyOnce() {
        String caseId = newCaseId();
        requestRecords(caseId, "breast");
        List<String> items = List.of("first-opinion", "current-medications", "breast-mri", "pathology-report",
                "mammogram-ultrasound", "germline-brca");
        for (String item : items.subList(0, 4)) {
            uploaded(caseId, item);
        }
        assertThat(records(caseId).status()).isEqualTo(RecordsStatus.COLLECTING);
        RecordDocument completing = uploaded(caseId, "mammogram-ultrasound");
        assertThat(records(caseId).status()).isEqualTo(RecordsStatus.COMPLETE);
        uploaded(caseId, "germline-brca"); // after completion: received, but completes nothing again

        await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).size() == items.size());
        List<Envelope> completed = KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).payload(RecordsCompleted.class).documentCount()).isEqualTo(5);
        assertThat(KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId))
                .extracting(e -> e.payload(DocumentReceived.class).checklistItem()).containsExactlyElementsOf(items);
        DocumentReceived received = KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).get(4)
                .payload(DocumentReceived.class);
        assertThat(received.documentId()).isEqualTo(completing.id());
        assertThat(received.sha256()).isEqualTo(completing.sha256());
        assertThat(received.contentType()).isEqualTo("application/pdf");

        // CloudEvents binary mode on the wire, keyed by case id
        List<ConsumerRecord<String, byte[]>> onTopic = KafkaProbe.records(Topics.RECORDS_EVENTS).stream()
                .filter(r -> caseId.equals(r.key())).toList();
        // RecordsIncomplete: when the checklist was built, then after each required item but the last
        assertThat(onTopic).hasSize(items.size() + 1 + 4).allSatisfy(r -> {
            Map<String, String> headers = headers(r);
            assertThat(headers).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/consilium/records-service")
                    .containsEntry("ce_subject", caseId)
                    .containsKeys("ce_id", "ce_time", "ce_type");
        });
        assertThat(onTopic).extracting(r -> headers(r).get("ce_type")).containsOnlyOnce(
                "org.consilium.records.RecordsCompleted.v1").contains("org.consilium.records.DocumentReceived.v1");

        RecordsView view = records(caseId);
        assertThat(view.completedAt()).isNotNull();
        assertThat(view.counts().requiredMissing()).isZero();
        assertThat(view.counts().documents()).isEqualTo(6);
        assertThat(view.items()).filteredOn(i -> i.code().equals("mammogram-ultrasound")).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(RecordsView.ItemStatus.RECEIVED))
                .satisfies(i -> assertThat(i.documents()).containsExactly(completing));
    }

    @Test
    void concurrentUploadsCompleteTheRecordsOnce() {
        String caseId = newCaseId();
        requestRecords(caseId, "lymphoma");
        List<String> required = List.of("first-opinion", "current-medications", "pathology-report", "pet-ct", "ldh");
        CompletableFuture.allOf(required.stream()
                .map(item -> CompletableFuture.runAsync(() -> uploaded(caseId, item)))
                .toArray(CompletableFuture[]::new)).join();

        await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).size() == required.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> caseDocument(caseId).getList("outbox", Document.class).isEmpty());
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).hasSize(1);
        assertThat(records(caseId).status()).isEqualTo(RecordsStatus.COMPLETE);
    }

    @Test
    void redeliveredRequestRecordsIsAppliedOnce() {
        String caseId = newCaseId();
        Envelope request = requestRecords(caseId, "lung");
        RecordDocument pathology = uploaded(caseId, "pathology-report");
        long version = settled(caseId).getLong("version");

        KafkaProbe.publish(request); // redelivery: same envelope id
        Envelope later = KafkaProbe.publish(new RequestRecords(caseId, "breast", Urgency.URGENT, Instant.now()));
        // same key, same partition: once the later command is applied, the redelivery was handled before it
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedEvents(caseId).contains(later.id()));

        assertThat(appliedEvents(caseId)).containsOnlyOnce(request.id());
        assertThat(caseDocument(caseId).getLong("version")).isEqualTo(version + 1); // the later command only
        RecordsView view = records(caseId);
        assertThat(view.rule()).isEqualTo("lung");
        assertThat(view.items()).filteredOn(i -> i.code().equals("pathology-report")).singleElement()
                .satisfies(i -> assertThat(i.documents()).containsExactly(pathology));
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(caseId)), "caseRecords").block()).isEqualTo(1);
    }

    @Test
    void cancelCaseStopsCompletionAndIsAppliedOnce() {
        String caseId = newCaseId();
        requestRecords(caseId, "prostate");
        for (String item : List.of("first-opinion", "current-medications", "pathology-report", "psa-history")) {
            uploaded(caseId, item);
        }
        Envelope cancel = KafkaProbe.publish(new CancelCase(caseId, "patient withdrew"));
        await().atMost(Duration.ofSeconds(30)).until(() -> records(caseId).status() == RecordsStatus.CANCELLED);
        Document cancelled = settled(caseId);

        long filesBefore = count("fs.files");
        upload(caseId, "prostate-mri", "mri.pdf", "application/pdf", "%PDF-1.4 last one".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:case-cancelled");
        assertThat(count("fs.files")).isEqualTo(filesBefore);

        KafkaProbe.publish(cancel); // redelivery
        Envelope later = KafkaProbe.publish(new RequestRecords(caseId, "prostate", Urgency.ROUTINE, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedEvents(caseId).contains(later.id()));

        Document after = caseDocument(caseId);
        assertThat(after.getList("appliedEvents", String.class)).containsOnlyOnce(cancel.id());
        // one write only, the later command's: the redelivery wrote nothing (the outbox was empty, so no relay write)
        assertThat(after.getLong("version")).isEqualTo(cancelled.getLong("version") + 1);
        assertThat(after.get("cancelledAt")).isEqualTo(cancelled.get("cancelledAt"));
        assertThat(after.get("completedAt")).isNull();
        assertThat(after.getList("outbox", Document.class)).noneMatch(e -> "RECORDS_COMPLETED".equals(e.get("type")));
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).isEmpty();
        assertThat(records(caseId).cancelReason()).isEqualTo("patient withdrew");
    }

    @Test
    void cancelCaseArrivingBeforeRequestRecordsStillCancels() {
        String caseId = newCaseId();
        KafkaProbe.publish(new CancelCase(caseId, "withdrawn during triage"));
        awaitRecords(caseId);
        Envelope late = KafkaProbe.publish(new RequestRecords(caseId, "gastric", Urgency.ROUTINE, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedEvents(caseId).contains(late.id()));

        RecordsView view = records(caseId);
        assertThat(view.status()).isEqualTo(RecordsStatus.CANCELLED);
        assertThat(view.items()).isEmpty();
        upload(caseId, "pathology-report", "p.pdf", "application/pdf", new byte[] {1, 2, 3})
                .expectStatus().isEqualTo(409);
    }

    @Test
    void downloadReturnsTheStoredBytesWithTheirFingerprint() {
        String caseId = newCaseId();
        requestRecords(caseId, "liver");
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        // declared as octet-stream, detected as PDF; a name that needs RFC 5987 encoding
        RecordDocument stored = upload(caseId, "afp", "Befund Leber ü.pdf", "application/octet-stream", pdf)
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/cases/" + caseId + "/documents/[0-9a-f]{24}")
                .expectBody(RecordDocument.class).returnResult().getResponseBody();
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha256()).isEqualTo(sha256Hex(pdf));
        assertThat(stored.declaredContentType()).isEqualTo("application/octet-stream");
        assertThat(stored.detectedContentType()).isEqualTo("application/pdf");
        assertThat(stored.filename()).isEqualTo("Befund Leber ü.pdf");
        assertThat(stored.declaredTypeMatches()).isTrue(); // nothing specific declared

        byte[] body = http.get().uri("/cases/{caseId}/documents/{id}", caseId, stored.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().contentLength(pdf.length)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + stored.sha256() + "\"")
                .expectHeader().valueMatches("Repr-Digest", "sha-256=:[A-Za-z0-9+/=]{44}:")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"Befund Leber _.pdf\"; filename*=UTF-8''Befund%20Leber%20%C3%BC.pdf")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(sha256Hex(body)).isEqualTo(stored.sha256());

        http.get().uri("/cases/{caseId}/documents/{id}", caseId, stored.id())
                .header(HttpHeaders.IF_NONE_MATCH, "\"" + stored.sha256() + "\"").exchange()
                .expectStatus().isNotModified();
        http.get().uri("/cases/{caseId}/documents/{id}", caseId, "0123456789abcdef01234567").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Document file = mongo.findById(new ObjectId(stored.id()), Document.class, "fs.files").block();
        assertThat(file.get("metadata", Document.class)).containsEntry("caseId", caseId).containsEntry("item", "afp")
                .containsEntry("sha256", stored.sha256()).containsEntry("detectedContentType", "application/pdf")
                .containsEntry("declaredContentType", "application/octet-stream").containsKey("uploadedAt");
    }

    @Test
    void aSixtyMegabyteDocumentStreamsInAndOutUnchanged() throws Exception {
        String caseId = newCaseId();
        requestRecords(caseId, "pancreatic");
        long size = 60L * 1024 * 1024;
        String expected = generatedSha256(size);

        long started = System.nanoTime();
        Reply reply;
        try (HeapSampler heap = new HeapSampler()) {
            reply = uploadGenerated(caseId, "pancreatic-ct", "ct-series.bin", size);
            System.out.printf("60 MiB upload: %d ms; %s%n", (System.nanoTime() - started) / 1_000_000, heap.report());
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        RecordDocument stored = reply.json(RecordDocument.class);
        assertThat(stored.size()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(expected);

        started = System.nanoTime();
        var download = web().get().uri("/cases/{caseId}/documents/{id}", caseId, stored.id())
                .retrieve().toEntityFlux(DataBuffer.class).block(Duration.ofSeconds(30));
        assertThat(download.getHeaders().getContentLength()).isEqualTo(size);
        assertThat(download.getHeaders().getETag()).isEqualTo("\"" + expected + "\"");
        String[] sizeAndSha = digest(download.getBody());
        System.out.printf("60 MiB download: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(sizeAndSha).containsExactly(String.valueOf(size), expected);
    }

    @Test
    void dicomFilesAreDetectedAndTheirStudiesListed() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String ctStudy = "1.2.826.0.1.3680043.8.498.1001";
        String petStudy = "1.2.826.0.1.3680043.8.498.2002";
        RecordDocument slice1 = upload(caseId, "ct-chest-abdomen", "IM0001", "application/octet-stream",
                TinyDicom.ct(ctStudy, "CT", "20261101", TinyDicom.EXPLICIT_LE, 512))
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
        assertThat(slice1.detectedContentType()).isEqualTo("application/dicom");
        assertThat(slice1.dicom()).isEqualTo(new DicomStudy(ctStudy, "CT", java.time.LocalDate.of(2026, 11, 1)));
        RecordDocument slice2 = upload(caseId, "ct-chest-abdomen", "slice2.dcm", "application/dicom",
                TinyDicom.ct(ctStudy, "CT", "20261101", TinyDicom.EXPLICIT_LE, 514))
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
        RecordDocument pet = upload(caseId, "pet-ct", "pet.dcm", "application/dicom",
                TinyDicom.ct(petStudy, "PT", "20261110", TinyDicom.IMPLICIT_LE, 256))
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
        uploaded(caseId, "pathology-report"); // not DICOM: no study

        RecordsView view = records(caseId);
        assertThat(view.studies()).containsExactly(
                new RecordsView.Study(ctStudy, "CT", java.time.LocalDate.of(2026, 11, 1), List.of("ct-chest-abdomen"),
                        List.of(slice1.id(), slice2.id())),
                new RecordsView.Study(petStudy, "PT", java.time.LocalDate.of(2026, 11, 10), List.of("pet-ct"),
                        List.of(pet.id())));
        http.get().uri("/cases/{caseId}/documents/{id}", caseId, pet.id()).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/dicom");
    }

    /** Issue 11: a 70-day-old CT uploaded without a document date used to count as new and complete the checklist. */
    @Test
    void anOldScanUploadedWithoutADateIsStaleByItsOwnStudyDate() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        String seventyDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(70)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        upload(caseId, "ct-chest-abdomen", "IM0001", "application/dicom",
                TinyDicom.ct("1.2.826.0.1.3680043.8.498.7070", "CT", seventyDaysAgo, TinyDicom.EXPLICIT_LE, 128))
                .expectStatus().isCreated();
        RecordsView.Item ct = records(caseId).items().stream().filter(i -> i.code().equals("ct-chest-abdomen"))
                .findFirst().orElseThrow();
        assertThat(ct.status()).isEqualTo(RecordsView.ItemStatus.STALE);
    }

    /**
     * Issue 11: a PDF uploaded without a document date counted from the upload date, so a 70-day-old CT
     * report completed the checklist. Now its own metadata dates it; a date the uploader states still wins.
     */
    @Test
    void anOldReportUploadedWithoutADateIsStaleByItsOwnPdfCreationDate() {
        String caseId = newCaseId();
        requestRecords(caseId, "breast");
        for (String item : List.of("first-opinion", "current-medications", "pathology-report")) {
            uploaded(caseId, item); // no metadata to read: these count from today
        }
        java.time.LocalDate seventyDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(70);
        byte[] oldReport = TinyPdf.of("Mammogram and ultrasound: BI-RADS 5, 21 mm")
                .created(TinyPdf.noonUtc(seventyDaysAgo)).bytes();
        RecordDocument stored = upload(caseId, "mammogram-ultrasound", "mammogram.pdf", "application/pdf", oldReport)
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
        assertThat(stored.pdfDate()).isEqualTo(seventyDaysAgo);

        RecordsView view = records(caseId);
        RecordsView.Item mammogram = view.items().stream().filter(i -> i.code().equals("mammogram-ultrasound"))
                .findFirst().orElseThrow();
        assertThat(mammogram.status()).as("its 60-day window").isEqualTo(RecordsView.ItemStatus.STALE);
        assertThat(mammogram.staleReason()).contains(seventyDaysAgo.toString(), "70 days ago");
        assertThat(view.status()).isEqualTo(RecordsStatus.COLLECTING);
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).isEmpty();

        // the uploader's word beats the file's: the same kind of PDF, stated to be from 3 days ago, completes it
        byte[] restated = TinyPdf.of("Mammogram and ultrasound, re-read").created(TinyPdf.noonUtc(seventyDaysAgo)).bytes();
        RecordDocument dated = upload(caseId, "mammogram-ultrasound", seventyDaysAgo.plusDays(67).toString(),
                "mammogram-2.pdf", "application/pdf", restated)
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
        assertThat(dated.pdfDate()).as("not read: a stated date wins anyway").isNull();
        assertThat(records(caseId).status()).isEqualTo(RecordsStatus.COMPLETE);
    }

    @Test
    void aMislabelledFileIsFlaggedAndServedAsWhatItIs() {
        String caseId = newCaseId();
        requestRecords(caseId, "breast");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
                8, 2, 0, 0, 0};
        RecordDocument stored = upload(caseId, "mammogram-ultrasound", "scan.pdf", "application/pdf", png)
                .expectStatus().isCreated().expectBody(RecordDocument.class).returnResult().getResponseBody();
        assertThat(stored.detectedContentType()).isEqualTo("image/png");
        assertThat(stored.declaredTypeMatches()).isFalse();
        assertThat(uploaded(caseId, "pathology-report").declaredTypeMatches()).isTrue();
        http.get().uri("/cases/{caseId}/documents/{id}", caseId, stored.id()).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
    }

    @Test
    void openApiDocumentsTheMultipartUpload() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/cases/{caseId}/documents'].post.requestBody.content['multipart/form-data'].schema['$ref']")
                .isEqualTo("#/components/schemas/DocumentUpload")
                .jsonPath("$.paths['/cases/{caseId}/documents'].post.responses['413']").exists()
                .jsonPath("$.components.schemas.DocumentUpload.properties.file.format").isEqualTo("binary")
                .jsonPath("$.components.schemas.DocumentUpload.required").value(r -> assertThat(r.toString())
                        .contains("item", "file"))
                .jsonPath("$.paths['/cases/{caseId}/documents/{documentId}'].get").exists()
                .jsonPath("$.paths['/cases/{caseId}/records'].get").exists()
                .jsonPath("$.paths['/cases/{caseId}/records/items/{code}/waiver'].post").exists()
                .jsonPath("$.paths['/cases/{caseId}/records/override'].post").exists();
    }

    @Test
    void publishesBusinessMetrics() {
        String caseId = newCaseId();
        requestRecords(caseId, "colorectal");
        uploaded(caseId, "cea");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String prometheus = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(prometheus).contains("consilium_records_documents_received_total{", "item=\"cea\"",
                    "consilium_records_stored_bytes_total", "consilium_records_cases{", "status=\"COLLECTING\"");
        });
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    /** The case document once the relay has published and removed every pending event (it bumps the version). */
    private Document settled(String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseDocument(caseId).getList("outbox", Document.class).isEmpty());
        return caseDocument(caseId);
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
