package org.consilium.console.patient;

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
 * The patient's window's doors, with no provider and no service behind it: "/" sends a patient and a caregiver to
 * their cases; the window is theirs (staff are told it is for patients); every write needs the CSRF token; and with
 * the services down the page says what it cannot show, in the patient's language, instead of a blank.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1",
                "INTAKE_URL=http://localhost:1", "NOTIFICATION_URL=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class PatientDoorsTest {

    @Autowired
    WebTestClient web;

    private WebTestClient as(String role) {
        return web.mutateWith(mockOidcLogin().idToken(token -> token.claim("preferred_username", "pat-" + role)
                        .claim("email", "pat-" + role + "@example.org"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Test
    void thePatientAndTheCaregiverAreSentToTheirCases() {
        for (String role : new String[]{"patient", "caregiver"}) {
            as(role).get().uri("/").exchange().expectStatus().is3xxRedirection().expectHeader().location("/my");
        }
    }

    @Test
    void staffAreToldTheWindowIsForPatientsAndPatientsTheDeskAndTheRoomAreNotTheirs() {
        for (String role : new String[]{"coordinator", "specialist"}) {
            String page = as(role).get().uri("/my").exchange().expectStatus().isForbidden()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("This page is for patients and caregivers", "<strong>patient or caregiver</strong>",
                    "(roles: " + role + ")");
            as(role).get().uri("/my/cases/c-1").exchange().expectStatus().isForbidden();
        }
        as("patient").get().uri("/worklist").exchange().expectStatus().isForbidden();
        as("caregiver").get().uri("/room").exchange().expectStatus().isForbidden();
    }

    @Test
    void everyWriteOfTheWindowNeedsTheCsrfToken() {
        for (String path : new String[]{"/my/cases/c-1/questions", "/my/inbox/m-1/read"}) {
            as("patient").post().uri(path).exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void anEmptyQuestionIsRefusedNamingTheFieldBeforeAnyServiceIsAsked() {
        as("patient").mutateWith(csrf()).post().uri("/my/cases/c-1/questions")
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("question", "   ")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("question")
                .jsonPath("$.errors[0].message").isEqualTo("Write your question before sending it.");
        as("patient").mutateWith(csrf()).post().uri("/my/cases/c-1/questions")
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("question", "x".repeat(4001))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("question");
    }

    @Test
    void withTheServicesDownTheListSaysWhatItCannotShowInThePatientsLanguage() {
        String page = as("patient").get().uri("/my?lang=zh").exchange().expectStatus().isEqualTo(502)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"zh-Hans\"", "暂时无法显示您的病例", "暂时无法显示您的消息");
        String arabic = as("caregiver").get().uri("/my").header("Accept-Language", "ar-AE,ar;q=0.9,en;q=0.5").exchange()
                .expectStatus().isEqualTo(502).expectBody(String.class).returnResult().getResponseBody();
        assertThat(arabic).contains("dir=\"rtl\"", "lang=\"ar\"", "لا يمكن عرض حالاتك الآن");
    }
}
