package org.consilium.records;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is checked at the door (issue 11, section 2): a file name, a form field or a JSON text with a
 * control or bidirectional character is refused with 400, the field named, and nothing is stored.
 */
class UploadInputTest extends RecordsServiceTestBase {
    private static final byte[] PDF = "%PDF-1.4\nsome report\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aFileNameThatReadsBackwardsOrHoldsAControlIsRefusedAndNothingIsStored() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        awaitRecords(caseId);
        long files = count("fs.files");

        for (String name : new String[] {"report\u202Efdp.exe", "scan\u0007.pdf", "scan\t.pdf"}) {
            Reply reply = reply(upload(caseId, "pathology-report", name, "application/pdf", PDF));
            assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(reply.body()).contains("urn:consilium:problem:validation", "\"field\":\"file\"");
        }
        assertThat(count("fs.files")).isEqualTo(files);
        // an ordinary non-ASCII name still goes in as it is
        assertThat(reply(upload(caseId, "pathology-report", "Befund ü 病理.pdf", "application/pdf", PDF)).status())
                .isEqualTo(201);
    }

    @Test
    void aFormFieldWithAControlCharacterIsRefusedByName() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        awaitRecords(caseId);
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("item", "pathology-report\u0000");
        body.part("file", PDF).filename("p.pdf").contentType(MediaType.APPLICATION_PDF);
        Reply reply = reply(http.post().uri("/cases/{caseId}/documents", caseId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("urn:consilium:problem:validation", "\"field\":\"item\"");
    }

    @Test
    void aResumableUploadsFileNameIsCheckedTheSameWay() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        awaitRecords(caseId);
        long uploads = count("resumableUploads");
        String metadata = Map.of("item", "pathology-report", "filename", "report\u202Efdp.exe").entrySet().stream()
                .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
        Reply reply = reply(http.post().uri("/cases/{caseId}/uploads", caseId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "100").header("Upload-Metadata", metadata).exchange());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("urn:consilium:problem:validation", "\"field\":\"filename\"", "U+202E");
        assertThat(count("resumableUploads")).isEqualTo(uploads);
    }

    @Test
    void aJsonTextWithABidiOverrideIsRefusedByField() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        awaitRecords(caseId);
        Reply reply = reply(http.post().uri("/cases/{caseId}/records/override", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"by\": \"coordinator.lee\", \"reason\": \"approved \\u202Edeifirev\"}").exchange());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("urn:consilium:problem:validation", "\"field\":\"reason\"");
    }
}
