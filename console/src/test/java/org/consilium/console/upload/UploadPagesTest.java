package org.consilium.console.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.consilium.console.SignedInAs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The upload pages and their tus relay against a stand-in of records-service on a real port: who may open which
 * page, the checklist in plain words in three languages (Arabic right to left), the relay's streaming of a PATCH
 * with the person's own token (or the link, and no token), the console's address of each upload, the CSRF token on
 * every write, a wrong kind of file refused naming the field before anything reaches records, and a link records no
 * longer accepts answered with a page that says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class UploadPagesTest {
    private static final RecordsStandIn RECORDS = new RecordsStandIn();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void records(DynamicPropertyRegistry registry) {
        registry.add("consilium.console.records-url", RECORDS::url);
    }

    @AfterAll
    static void stop() {
        RECORDS.close();
    }

    @BeforeEach
    void forget() {
        RECORDS.seen.clear();
        RECORDS.stored.set(0);
    }

    private WebTestClient as(String role) {
        return SignedInAs.person(web, role, "pat.lee", "Pat Lee");
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePatientAndTheCaregiverSeeTheChecklistInPlainWordsOthersAreRefused() {
        for (String role : new String[]{"patient", "caregiver"}) {
            String page = as(role).get().uri("/my/cases/c-1/records").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("lang=\"en\"", "dir=\"ltr\"", "Send your records", "Still needed: 1 required item(s)",
                    "Too old: please send one made in the last 30 days", "Where to get it",
                    "an older scan or test may no longer show it", "data-uploads=\"/my/cases/c-1/uploads\"",
                    "name=\"csrf-token\"", "/js/vendor/tus.min-", "1 file(s) received");
        }
        as("coordinator").get().uri("/my/cases/c-1/records").exchange().expectStatus().isForbidden();
        as("specialist").get().uri("/my/cases/c-1/records").exchange().expectStatus().isForbidden();
    }

    @Test
    void thePageFollowsTheLanguageChineseAndArabicRightToLeft() {
        String chinese = as("patient").get().uri("/my/cases/c-1/records").header("Accept-Language", "zh-CN,zh;q=0.9")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(chinese).contains("lang=\"zh-Hans\"", "提交您的病历资料", "头颅磁共振（II 期或以上）", "太旧：请提交最近 30 天内的");
        String arabic = as("patient").get().uri("/my/cases/c-1/records?lang=ar").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(arabic).contains("lang=\"ar\"", "dir=\"rtl\"", "أرسل سجلاتك الطبية");
    }

    @Test
    void tusIsRelayedWithThePatientsOwnTokenStreamingAndUnderTheConsolesAddress() {
        WebTestClient patient = as("patient");
        // every write needs the session's CSRF token (the script sends it as a header)
        patient.post().uri("/my/cases/c-1/uploads").header("Tus-Resumable", "1.0.0").exchange().expectStatus().isForbidden();
        assertThat(RECORDS.seen("POST")).isEmpty();

        String location = patient.mutateWith(csrf()).post().uri("/my/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "9").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("mri.pdf"))
                .exchange().expectStatus().isCreated().expectHeader().valueEquals("Upload-Offset", "0")
                .returnResult(Void.class).getResponseHeaders().getFirst("Location");
        assertThat(location).isEqualTo("/my/cases/c-1/uploads/u-1");
        assertThat(RECORDS.lastHeaders("POST").get("Upload-Metadata")).contains(b64("brain-mri"));
        assertThat(RECORDS.lastHeaders("POST").get("Authorization")).startsWith("Bearer ");

        byte[] chunk = new byte[3 * 1024 * 1024 + 7];
        patient.mutateWith(csrf()).patch().uri(location).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .contentType(MediaType.parseMediaType("application/offset+octet-stream")).bodyValue(chunk)
                .exchange().expectStatus().isNoContent().expectHeader().valueEquals("Upload-Offset", String.valueOf(chunk.length));
        assertThat(RECORDS.seen("PATCH")).singleElement().satisfies(patch -> {
            assertThat(patch.path()).isEqualTo("/cases/c-1/uploads/u-1");
            assertThat(patch.bytes()).isEqualTo(chunk.length);
        });
        patient.method(HttpMethod.HEAD).uri(location).header("Tus-Resumable", "1.0.0").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Upload-Offset", String.valueOf(chunk.length));
    }

    @Test
    void aCoordinatorSendsFilesForTheCaseThroughTheSameRelayWithHerOwnToken() {
        WebTestClient coordinator = SignedInAs.person(web, "coordinator", "cora.nolan", "Cora Nolan");
        coordinator.post().uri("/cases/c-1/uploads").header("Tus-Resumable", "1.0.0").exchange().expectStatus().isForbidden();
        String location = coordinator.mutateWith(csrf()).post().uri("/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "4").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("mri.pdf"))
                .exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getFirst("Location");
        assertThat(location).isEqualTo("/cases/c-1/uploads/u-1");
        assertThat(RECORDS.seen("POST")).singleElement().satisfies(post -> assertThat(post.path()).isEqualTo("/cases/c-1/uploads"));
        assertThat(RECORDS.lastHeaders("POST").get("Authorization")).startsWith("Bearer ");
        coordinator.mutateWith(csrf()).patch().uri(location).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .contentType(MediaType.parseMediaType("application/offset+octet-stream")).bodyValue(new byte[4])
                .exchange().expectStatus().isNoContent().expectHeader().valueEquals("Upload-Offset", "4");
        assertThat(RECORDS.seen("PATCH")).singleElement().satisfies(patch -> assertThat(patch.path()).isEqualTo("/cases/c-1/uploads/u-1"));
        // the same refusal of a kind of file no case takes, before records is asked
        coordinator.mutateWith(csrf()).post().uri("/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "9").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("run.exe"))
                .exchange().expectStatus().isEqualTo(415);
        assertThat(RECORDS.seen("POST")).hasSize(1);
        // the desk's door is the desk's: a patient or a specialist never passes it (the patient has their own)
        as("patient").mutateWith(csrf()).post().uri("/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .exchange().expectStatus().isForbidden();
        as("specialist").mutateWith(csrf()).post().uri("/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .exchange().expectStatus().isForbidden();
        assertThat(RECORDS.seen("POST")).hasSize(1);
    }

    @Test
    void aWrongKindOfFileIsRefusedNamingTheFieldBeforeRecordsIsAsked() {
        String problem = as("patient").mutateWith(csrf()).post().uri("/my/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "9").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("setup.exe"))
                .exchange().expectStatus().isEqualTo(415).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(problem).contains("unsupported-document-type", "\"field\":\"filename\"", "a .exe file");
        assertThat(RECORDS.seen("POST")).isEmpty();
        // a scanner's DICOM file often has no extension: records reads what it is
        as("patient").mutateWith(csrf()).post().uri("/my/cases/c-1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "9").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("IM000001"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void theDoctorsLinkShowsOnlyTheWantedItemsAndUploadsWithTheLinkNotAToken() {
        String page = web.get().uri("/upload/" + RecordsStandIn.GOOD_LINK).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Dr Tan, Mercy Hospital", "2026-12-13 10:00 UTC", "Brain MRI (stage II or higher)",
                "data-uploads=\"/upload/" + RecordsStandIn.GOOD_LINK + "/files\"").doesNotContain("Sign out");

        WebTestClient doctor = web.mutateWith(csrf());
        String location = doctor.post().uri("/upload/" + RecordsStandIn.GOOD_LINK + "/files").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "5").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("mri.dcm"))
                .exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getFirst("Location");
        assertThat(location).isEqualTo("/upload/" + RecordsStandIn.GOOD_LINK + "/files/u-1");
        assertThat(RECORDS.seen("POST")).singleElement().satisfies(post -> assertThat(post.path()).isEqualTo("/cases/c-9/uploads"));
        assertThat(RECORDS.lastHeaders("POST")).containsEntry("Upload-Link", RecordsStandIn.GOOD_LINK)
                .containsEntry("Authorization", "null");
        doctor.patch().uri(location).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .contentType(MediaType.parseMediaType("application/offset+octet-stream")).bodyValue(new byte[5])
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void aLinkRecordsNoLongerAcceptsGetsAPageSayingSoAndWhomToAsk() {
        String page = web.get().uri("/upload/revoked-token?lang=zh-CN").exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("此上传链接已失效", "索取新的链接").doesNotContain("Exception");
        String english = web.get().uri("/upload/revoked-token").exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("This upload link no longer works", "ask whoever sent you the link");
        web.mutateWith(csrf()).post().uri("/upload/revoked-token/files").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "5").header("Upload-Metadata", "item " + b64("brain-mri") + ",filename " + b64("a.pdf"))
                .exchange().expectStatus().isUnauthorized().expectBody(String.class)
                .value(body -> assertThat(body).contains("invalid-upload-link"));
    }
}
