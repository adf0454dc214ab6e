package org.consilium.console.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The review room's doors, without a provider or services behind it: the room is for specialists, the desk stays
 * closed to them, "/" sends each role to its own place, every write needs the CSRF token, and a draft is kept (or
 * refused, naming the field) without any service being asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class RoomDoorsTest {

    @Autowired
    WebTestClient web;

    private WebTestClient as(String role) {
        return web.mutateWith(mockOidcLogin().idToken(token -> token.claim("preferred_username", "dr-" + role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Test
    void thePatientAndTheCoordinatorAreToldTheRoomIsForSpecialists() {
        for (String role : new String[]{"patient", "coordinator"}) {
            String page = as(role).get().uri("/room").exchange().expectStatus().isForbidden()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("This page is for specialists", "<strong>specialist</strong>", "(roles: " + role + ")");
            as(role).get().uri("/room/cases/c-1").exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void theCoordinatorsDeskStaysClosedToSpecialists() {
        for (String path : new String[]{"/worklist", "/cases/c-1"}) {
            assertThat(as("specialist").get().uri(path).exchange().expectStatus().isForbidden()
                    .expectBody(String.class).returnResult().getResponseBody()).contains("This page is for coordinators");
        }
        as("specialist").mutateWith(csrf()).post().uri("/cases/c-1/tasks/t-1/complete").exchange().expectStatus().isForbidden();
        as("specialist").mutateWith(csrf()).post().uri("/tasks/t-1/claim").exchange().expectStatus().isForbidden();
    }

    @Test
    void theHomePageSendsEachRoleToItsOwnPlace() {
        as("specialist").get().uri("/").exchange().expectStatus().is3xxRedirection().expectHeader().location("/room");
        as("coordinator").get().uri("/").exchange().expectStatus().is3xxRedirection().expectHeader().location("/worklist");
    }

    @Test
    void everyWriteOfTheRoomNeedsTheCsrfToken() {
        for (String path : new String[]{"/room/cases/c-1/opinion", "/room/cases/c-1/draft", "/room/cases/c-1/consensus",
                "/room/cases/c-1/questions/q1/answer"}) {
            as("specialist").post().uri(path).exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void aDraftIsKeptWhileTypingAndAnOversizedOneIsRefusedNamingTheField() {
        WebTestClient specialist = as("specialist").mutateWith(csrf());
        specialist.post().uri("/room/cases/c-1/draft").header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("recommendation", "Chemotherapy first").with("confidence", "HIGH"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("id=\"draft-status\"", "Draft kept"));
        specialist.post().uri("/room/cases/c-1/draft").header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("recommendation", "x".repeat(OpinionForm.MAX_TEXT + 1)))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(html -> assertThat(html).contains("Draft not kept", "At most 4000 characters"));
        // without scripts: back to the form, where the draft is shown
        specialist.post().uri("/room/cases/c-1/draft").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("recommendation", "Chemotherapy first"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/room/cases/c-1#opinion");
    }
}
