package org.consilium.console.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.net.URI;

import org.consilium.console.SignedInAs;
import org.consilium.console.upload.RecordsStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The case page's records and links doors against a stand-in of records-service on a real port: each write sent to
 * records with the coordinator's token and nothing else in its body than what records reads (no {@code by}: records
 * takes the token's user), answered 303 to the case page's section; a refusal kept for the page under its key; a new
 * link's address never in the address bar; a document shown in the page only when it runs nothing, framable by the
 * console's own pages; and no door for anyone but a coordinator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class RecordsDeskTest {
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
        RECORDS.bodies.clear();
    }

    private WebTestClient coordinator() {
        return SignedInAs.person(web, "coordinator", "cora.nolan", "Cora Nolan");
    }

    @Test
    void aWaiverGoesToRecordsWithTheReasonAndBackToTheItem() {
        URI back = coordinator().mutateWith(csrf()).post().uri("/cases/c-1/records/items/pet-ct/waiver")
                .body(BodyInserters.fromFormData("reason", " PET-CT not done: the panel decides on the CT alone ")
                        .with("title", "PET-CT"))
                .exchange().expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(back.getPath()).isEqualTo("/cases/c-1");
        assertThat(back.getQuery()).startsWith("records=“PET-CT” is waived");
        assertThat(back.getFragment()).isEqualTo("item-pet-ct");
        assertThat(RECORDS.bodies.get("/cases/c-1/records/items/pet-ct/waiver"))
                .isEqualTo("{\"reason\":\"PET-CT not done: the panel decides on the CT alone\"}");
        assertThat(RECORDS.seen("POST").get(0).headers().get("Authorization")).startsWith("Bearer ");
    }

    @Test
    void aRefusalIsKeptForThePageWithWhatWasTypedNotInTheAddress() {
        URI blank = coordinator().mutateWith(csrf()).post().uri("/cases/c-1/records/items/pet-ct/waiver")
                .body(BodyInserters.fromFormData("reason", "")).exchange().expectStatus().isSeeOther()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(blank.getQuery()).matches("attempt=[0-9a-f-]{36}");
        assertThat(blank.getFragment()).isEqualTo("waive-pet-ct");

        URI complete = coordinator().mutateWith(csrf()).post().uri("/cases/c-1/records/override")
                .body(BodyInserters.fromFormData("reason", "the CT is enough")).exchange().expectStatus().isSeeOther()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(complete.getQuery()).startsWith("attempt=").doesNotContain("CT is enough");
        assertThat(complete.getFragment()).isEqualTo("override");
        assertThat(RECORDS.bodies.get("/cases/c-1/records/override")).isEqualTo("{\"reason\":\"the CT is enough\"}");
    }

    @Test
    void aNewLinksAddressGoesThroughTheSessionAndARevocationToRecords() {
        URI made = coordinator().mutateWith(csrf()).post().uri("/cases/c-1/upload-links")
                .body(BodyInserters.fromFormData("label", "Dr Lim").with("expiresIn", "P3D")).exchange()
                .expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(made.toString()).matches("/cases/c-1\\?issued=[0-9a-f-]{36}#upload-links").doesNotContain("secret-token");
        assertThat(RECORDS.bodies.get("/cases/c-1/upload-links")).contains("\"label\":\"Dr Lim\"", "\"expiresIn\":\"P3D\"");

        // an expiry the form does not offer is records' default, not passed on
        coordinator().mutateWith(csrf()).post().uri("/cases/c-1/upload-links")
                .body(BodyInserters.fromFormData("label", "Dr Lim").with("expiresIn", "P999D")).exchange()
                .expectStatus().isSeeOther();
        assertThat(RECORDS.bodies.get("/cases/c-1/upload-links")).contains("\"expiresIn\":\"P7D\"");

        URI revoked = coordinator().mutateWith(csrf()).post().uri("/cases/c-1/upload-links/l-1/revoke")
                .body(BodyInserters.fromFormData("label", "Dr Tan")).exchange().expectStatus().isSeeOther()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(revoked.getQuery()).startsWith("links=The link for Dr Tan is revoked");
        assertThat(RECORDS.seen("DELETE")).singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("/cases/c-1/upload-links/l-1"));
        URI unknown = coordinator().mutateWith(csrf()).post().uri("/cases/c-1/upload-links/l-9/revoke")
                .exchange().expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(unknown.getQuery()).startsWith("attempt=");
        assertThat(unknown.getFragment()).isEqualTo("revoke-l-9");
    }

    @Test
    void aPdfIsShownInThePageFramedOnlyByTheConsoleAndAnHtmlFileIsADownload() {
        coordinator().get().uri("/cases/c-1/documents/" + RecordsStandIn.PDF).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("inline;").contains("pathology.pdf"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'self'")
                        .doesNotContain("frame-ancestors 'none'").doesNotContain("sandbox"))
                .expectBody(String.class).isEqualTo("%PDF-1.4 not really");
        assertThat(RECORDS.seen("GET").get(0).headers().get("Authorization")).startsWith("Bearer ");

        coordinator().get().uri("/cases/c-1/documents/" + RecordsStandIn.HTML).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment;"))
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("sandbox"));
        // the pages themselves keep refusing to be framed
        coordinator().get().uri("/cases/c-1/nothing-here").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @Test
    void onlyACoordinatorPassesTheseDoors() {
        for (String role : new String[]{"specialist", "patient", "ops"}) {
            WebTestClient other = SignedInAs.person(web, role, "someone", "Someone");
            other.get().uri("/cases/c-1/documents/" + RecordsStandIn.PDF).exchange().expectStatus().isForbidden();
            other.mutateWith(csrf()).post().uri("/cases/c-1/records/override")
                    .body(BodyInserters.fromFormData("reason", "x")).exchange().expectStatus().isForbidden();
            other.mutateWith(csrf()).post().uri("/cases/c-1/upload-links")
                    .body(BodyInserters.fromFormData("label", "x")).exchange().expectStatus().isForbidden();
        }
        // and a coordinator's write without the form's CSRF token is refused before records hears of it
        coordinator().post().uri("/cases/c-1/records/override").body(BodyInserters.fromFormData("reason", "x"))
                .exchange().expectStatus().isForbidden();
        assertThat(RECORDS.seen("POST")).isEmpty();
    }
}
