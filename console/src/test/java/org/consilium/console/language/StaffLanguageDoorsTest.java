package org.consilium.console.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The staff pages' language in the running console, with no provider and no service behind it (the case page's
 * "a service did not answer" page stands for any staff page): the switcher's choice is kept in the session for the
 * next page; without it the sign-in's locale claim, then the browser's Accept-Language (Traditional Chinese is not
 * given Simplified), then English; the 403 page of a missing role too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1",
                "INTAKE_URL=http://localhost:1", "ENGINE_URL=http://localhost:1", "MDT_URL=http://localhost:1",
                "RECORDS_URL=http://localhost:1", "NOTIFICATION_URL=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class StaffLanguageDoorsTest {
    private static final String SESSION = "CONSILIUM_CONSOLE_SESSION";

    @Autowired
    WebTestClient web;

    private WebTestClient as(String role, Consumer<OidcIdToken.Builder> claims) {
        return web.mutateWith(mockOidcLogin().idToken(token -> {
                    token.claim("preferred_username", "cora.nolan").claim("name", "Cora Nolan");
                    claims.accept(token);
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    private WebTestClient coordinator() {
        return as("coordinator", token -> { });
    }

    private static String page(EntityExchangeResult<String> result) {
        return result.getResponseBody();
    }

    @Test
    void theSwitchersChoiceIsKeptInTheSessionForTheNextPage() {
        EntityExchangeResult<String> switched = coordinator().get().uri("/cases/c-1?lang=zh").header("Accept-Language", "en-US")
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult();
        assertThat(page(switched)).contains("<html lang=\"zh-Hans\">", "有服务没有响应", "返回工作列表",
                        // the switcher: this page in each language, each in its own name, the current one marked
                        "href=\"/cases/c-1?lang=en\" lang=\"en\" hreflang=\"en\" data-lang=\"en\">English</a>",
                        "href=\"/cases/c-1?lang=zh\" lang=\"zh-Hans\" hreflang=\"zh-Hans\" aria-current=\"true\" data-lang=\"zh\">简体中文</a>")
                .doesNotContain("A service did not answer");
        ResponseCookie session = switched.getResponseCookies().getFirst(SESSION);
        assertThat(session).as("the choice starts a session").isNotNull();

        String next = coordinator().get().uri("/cases/c-2").cookie(SESSION, session.getValue()).header("Accept-Language", "en-US")
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(next).contains("<html lang=\"zh-Hans\">", "有服务没有响应");

        String back = coordinator().get().uri("/cases/c-2?lang=en").cookie(SESSION, session.getValue())
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(back).contains("<html lang=\"en\">", "A service did not answer", "Back to the worklist");
    }

    @Test
    void withoutAChoiceTheSignInsLocaleClaimThenTheBrowserThenEnglish() {
        String claimed = as("coordinator", token -> token.claim("locale", "zh-CN")).get().uri("/cases/c-1")
                .header("Accept-Language", "en-US,en;q=0.9").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(claimed).contains("<html lang=\"zh-Hans\">", "有服务没有响应");

        String englishClaim = as("coordinator", token -> token.claim("locale", "en")).get().uri("/cases/c-1")
                .header("Accept-Language", "zh-CN").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(englishClaim).contains("<html lang=\"en\">", "A service did not answer");

        for (String chinese : new String[]{"zh-CN,zh;q=0.9", "zh", "zh-Hans", "fr-FR,zh;q=0.5"}) {
            assertThat(page(coordinator().get().uri("/cases/c-1").header("Accept-Language", chinese).exchange()
                    .expectBody(String.class).returnResult())).as(chinese).contains("<html lang=\"zh-Hans\">");
        }
        for (String notSimplified : new String[]{"zh-TW", "zh-Hant,en;q=0.5", "en-US,en;q=0.9", "de-DE"}) {
            assertThat(page(coordinator().get().uri("/cases/c-1").header("Accept-Language", notSimplified).exchange()
                    .expectBody(String.class).returnResult())).as(notSimplified).contains("<html lang=\"en\">",
                    "A service did not answer");
        }
        // no Accept-Language at all: English
        assertThat(page(coordinator().get().uri("/cases/c-1").exchange().expectBody(String.class).returnResult()))
                .contains("<html lang=\"en\">");
    }

    @Test
    void theMissingRolePageSpeaksThePersonsLanguage() {
        String chinese = as("specialist", token -> { }).get().uri("/worklist").header("Accept-Language", "zh-CN")
                .exchange().expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
        assertThat(chinese).contains("<html lang=\"zh-Hans\">", "此页面仅供协调员使用", "<strong>coordinator</strong>");
        String english = as("specialist", token -> { }).get().uri("/worklist")
                .exchange().expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("<html lang=\"en\">", "This page is for coordinators");
    }

    @Test
    void thePatientsPagesKeepTheirOwnLanguageChoice() {
        // ?lang=zh on a patient's page is the patient's switcher: it does not choose the staff pages' language
        EntityExchangeResult<String> patient = web.mutateWith(mockOidcLogin().idToken(token -> token.claim("preferred_username", "pat")
                        .claim("email", "pat@example.org")).authorities(new SimpleGrantedAuthority("ROLE_patient")))
                .get().uri("/my?lang=zh").exchange().expectBody(String.class).returnResult();
        assertThat(page(patient)).contains("lang=\"zh-Hans\"");
        ResponseCookie session = patient.getResponseCookies().getFirst(SESSION);
        assertThat(session).isNotNull();
        String staff = coordinator().get().uri("/cases/c-1").cookie(SESSION, session.getValue()).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(staff).contains("<html lang=\"en\">");
    }
}
