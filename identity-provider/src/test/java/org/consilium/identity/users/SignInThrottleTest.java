package org.consilium.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The login form's throttle through the real filter chain, with the client address each attempt comes from
 * (MockMvc sets it; over real HTTP every test request comes from 127.0.0.1) and a clock the test moves.
 * The scenario of issue 11: a stranger who guesses at a coordinator's name must not lock the coordinator out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottleTest {
    private static final String RIGHT = "consilium-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\">([^<]*)<");

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2026-11-29T03:30:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Test
    void aStrangerGuessingACoordinatorsPasswordCannotLockTheCoordinatorOut() throws Exception {
        for (int guess = 0; guess < 12; guess++) {
            MockHttpServletResponse answer = post("cora.nolan", "guess-" + guess, "203.0.113.66");
            assertThat(answer.getRedirectedUrl()).as("wrong password or told to wait").isNotEqualTo("/");
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(signIn("cora.nolan", RIGHT, "198.51.100.7"))
                .as("the right password from the coordinator's own address").isEqualTo("/");
    }

    @Test
    void afterThreeWrongPasswordsTheNextTryFromThatAddressWaitsAndTheWaitGrows() throws Exception {
        String address = "192.0.2.10";
        for (int guess = 0; guess < 3; guess++) {
            assertThat(signIn("sam.lee", "guess", address)).isEqualTo("/login?error");
        }
        assertThat(refusal("sam.lee", RIGHT, address))
                .as("refused unchecked, even the right password").contains("wait 1 s");

        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn("sam.lee", "guess", address)).isEqualTo("/login?error");
        assertThat(refusal("sam.lee", RIGHT, address)).contains("wait 2 s");

        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn("sam.lee", RIGHT, address)).as("the wait is over").isEqualTo("/");
        assertThat(signIn("sam.lee", "guess", address)).as("a success cleared the count").isEqualTo("/login?error");
        assertThat(signIn("sam.lee", RIGHT, address)).isEqualTo("/");
    }

    @Test
    void oneAddressGuessingAtManyNamesIsSlowedOnlyThere() throws Exception {
        String address = "192.0.2.99";
        for (int guess = 0; guess < 20; guess++) {
            assertThat(signIn("nobody-" + guess, "guess", address)).isEqualTo("/login?error");
        }
        assertThat(refusal("dr.rivera", RIGHT, address)).contains("from your address");
        assertThat(signIn("dr.rivera", RIGHT, "192.0.2.100")).as("another address").isEqualTo("/");
    }

    /** POST /login as a browser at that address does it (with the form's CSRF token): where it redirects to. */
    private String signIn(String username, String password, String address) throws Exception {
        MockHttpServletResponse answer = post(username, password, address);
        assertThat(answer.getStatus()).as("a redirect, not %s", answer.getContentAsString()).isEqualTo(302);
        return answer.getRedirectedUrl();
    }

    /** The reason a try is refused before its password is checked: 429, how long to wait, and why. */
    private String refusal(String username, String password, String address) throws Exception {
        MockHttpServletResponse answer = post(username, password, address);
        assertThat(answer.getStatus()).isEqualTo(429);
        assertThat(answer.getHeader("Retry-After")).isNotBlank();
        Matcher alert = ALERT.matcher(answer.getContentAsString());
        assertThat(alert.find()).as(answer.getContentAsString()).isTrue();
        return alert.group(1);
    }

    private MockHttpServletResponse post(String username, String password, String address) throws Exception {
        MvcResult form = mvc.perform(get("/login").with(from(address))).andReturn();
        Matcher csrf = CSRF.matcher(form.getResponse().getContentAsString());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        MockHttpSession session = (MockHttpSession) form.getRequest().getSession();
        return mvc.perform(MockMvcRequestBuilders.post("/login").session(session).with(from(address))
                        .param("username", username).param("password", password).param("_csrf", csrf.group(1)))
                .andReturn().getResponse();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
