package org.consilium.console.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.consilium.console.services.ServiceProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/**
 * The room's pages as they render from what the services answer (mdt-scheduler's and records-service's answers
 * stand in here; their HTTP and rules are the browser test's and mdt-scheduler's own tests): the sessions in the
 * member's zone, the hidden opinions as the service says, the refusal naming the field, the consensus form for the
 * chair only, the 403 naming the missing seat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class RoomPagesTest {
    private static final Instant START = Instant.parse("2026-12-07T01:00:00Z");
    private static final String CHAIR_SAYS = "Neoadjuvant chemo-immunotherapy";

    @Autowired
    WebTestClient web;
    @MockitoBean
    Room room;

    private WebTestClient as(String username) {
        // the console names people by preferred_username (the directory id); the mock names them by its subject
        return web.mutateWith(mockOidcLogin().idToken(token -> token.subject(username).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_specialist")));
    }

    /** Dr Member (Singapore) sits on one board this week, an urgent lung case first on its agenda, 3 of 6 cases. */
    private void oneUrgentLungCaseThisWeek() {
        when(room.schedule()).thenReturn(Mono.just(new MySchedule("dr-member", "Dr Member", "thoracic-surgeon",
                "Asia/Singapore", new MySchedule.Week(START, START.plusSeconds(604800), 3, 6), List.of(
                new MySchedule.Session("thoracic-20261207T0100Z", "BOARD", "thoracic", START, START.plusSeconds(3600),
                        List.of(new MySchedule.Case("case-1", "SCHEDULED", "URGENT", "lung", false, false, 4,
                                List.of())))))));
        when(room.agendas(anyList())).thenReturn(Mono.just(Map.of("thoracic-20261207T0100Z", new Agenda(
                "thoracic-20261207T0100Z", "BOARD", START, START.plusSeconds(3600), List.of(new Agenda.Item(1, "case-1",
                "URGENT", "lung", START, START.plusSeconds(1200), "urgent", false, List.of(), true))))));
    }

    @Test
    void mySessionsAreInMyZoneWithTheAgendaMyLoadAndTheCalendar() {
        oneUrgentLungCaseThisWeek();
        String page = as("dr-member").get().uri("/room").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Mon 7 Dec 2026, 09:00 Asia/Singapore (UTC+08:00)", "#1 · 09:00–09:20",
                "3 of 6 cases", "week of Mon 7 Dec 2026 (counted in UTC)", "Your opinion is awaited", "/room/calendar.ics", "data-case=\"case-1\"");
    }

    @Test
    void mySessionsInChineseTheirDatesWrittenTheChineseWayInMyZone() {
        oneUrgentLungCaseThisWeek();
        String page = as("dr-member").get().uri("/room?lang=zh").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"zh-Hans\">", "<h1>我的会诊", "胸外科", "2026年12月7日 周一 09:00 Asia/Singapore (UTC+08:00)",
                        "3 例，上限 6 例", "2026年12月7日 周一 这一周（按 UTC 计算）", "等待您的意见", "肿瘤多学科会诊", "肺癌", "紧急")
                .doesNotContain("Your opinion is awaited", "??");
    }

    @Test
    void beforeMyOpinionTheOthersAreHiddenAsTheServiceSaysAndARefusalNamesTheFieldKeepingWhatWasTyped() {
        when(room.review("case-1")).thenReturn(Mono.just(review(false, List.of())));
        when(room.meeting("case-1")).thenReturn(Mono.just(new Meeting("case-1", "SCHEDULED", List.of(
                new Meeting.Seat("dr-chair", "Dr Chair", "medical-oncologist", true, true, null, null, null, null),
                new Meeting.Seat("dr-member", "Dr Member", "thoracic-surgeon", false, false, null, null, null, null)),
                null, true)));
        when(room.dossier("case-1")).thenReturn(Mono.just(new Dossier("COMPLETE", List.of(new Dossier.Item(
                "pathology-report", "Pathology report", true, "RECEIVED", List.of(new Dossier.Document("doc-1",
                "pathology.pdf", "application/pdf", 20480, START, null)))))));
        String page = as("dr-member").get().uri("/room/cases/case-1").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Hidden until you have given yours", "1 of 2", "id=\"opinion-form\"",
                "/room/cases/case-1/documents/doc-1", "opens in a new tab", "Should I operate?")
                .doesNotContain("Sign the consensus");

        when(room.giveOpinion(eq("case-1"), anyMap(), anyString())).thenReturn(Mono.error(new ServiceProblem(400,
                "urn:consilium:problem:validation", "Invalid request", "1 field", Map.of("confidence", "must not be null"))));
        String refused = as("dr-member").mutateWith(csrf()).post().uri("/room/cases/case-1/opinion")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("recommendation", "Lobectomy first").with("agreesWithFirstOpinion", "true")
                        .with("idempotencyKey", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("confidence: Required: choose one.", "id=\"opinion-confidence-error\"", ">Lobectomy first</textarea>",
                "value=\"1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b\"");
        // the same key again: the form is the same submission
        verify(room).giveOpinion(eq("case-1"), anyMap(), eq("1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"));

        String damaged = as("dr-member").mutateWith(csrf()).post().uri("/room/cases/case-1/opinion")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("recommendation", "Lobectomy first").with("idempotencyKey", "nope"))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(damaged).contains("idempotencyKey: The form", "key is missing or damaged");
        verify(room, never()).giveOpinion(any(), anyMap(), eq("nope"));
    }

    @Test
    void afterAllOpinionsTheChairSeesThemSideBySideAndTheConsensusForm() {
        List<ReviewFile.Opinion> opinions = List.of(
                new ReviewFile.Opinion("dr-chair", "medical-oncologist", CHAIR_SAYS, false, "HIGH", null, START),
                new ReviewFile.Opinion("dr-member", "thoracic-surgeon", "Lobectomy first", true, "MEDIUM", null, START));
        when(room.review("case-1")).thenReturn(Mono.just(review(true, opinions)));
        when(room.meeting("case-1")).thenReturn(Mono.just(new Meeting("case-1", "SCHEDULED", List.of(
                new Meeting.Seat("dr-chair", "Dr Chair", "medical-oncologist", true, true, CHAIR_SAYS, false, "HIGH", null),
                new Meeting.Seat("dr-member", "Dr Member", "thoracic-surgeon", false, true, "Lobectomy first", true,
                        "MEDIUM", null)),
                new Meeting.Disagreement(true, 1, 1, 0, Map.of(CHAIR_SAYS, List.of("medical-oncologist"),
                        "Lobectomy first", List.of("thoracic-surgeon")), List.of(), List.of(),
                        List.of("1 agree with the first opinion, 1 do not")), false)));
        when(room.dossier("case-1")).thenReturn(Mono.error(new ServiceProblem(403, "urn:x", "Forbidden", "not yet")));
        String page = as("dr-chair").get().uri("/room/cases/case-1").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("The panel disagrees", "1 agree with the first opinion, 1 do not", CHAIR_SAYS,
                "Lobectomy first", "Sign the consensus", "records-service answered 403")
                .doesNotContain("id=\"opinion-form\"");
    }

    @Test
    void anotherPanelsCaseIsRefusedNamingTheSeatThatIsMissing() {
        when(room.review("case-1")).thenReturn(Mono.error(new ServiceProblem(403, "urn:consilium:problem:not-your-case",
                "Forbidden", "dr-outsider may not view case case-1")));
        when(room.meeting("case-1")).thenReturn(Mono.error(new ServiceProblem(403, "urn:x", "Forbidden", "")));
        when(room.dossier("case-1")).thenReturn(Mono.error(new ServiceProblem(403, "urn:x", "Forbidden", "")));
        String page = as("dr-outsider").get().uri("/room/cases/case-1").exchange().expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("This case is not on your panels", "seated on its panel, while its",
                "dr-outsider may not view case case-1");
    }

    private static ReviewFile review(boolean allIn, List<ReviewFile.Opinion> opinions) {
        return new ReviewFile("case-1", "SCHEDULED", "lung", "URGENT", "Should I operate?", "Lobectomy", List.of("id", "en"),
                "ID", "thoracic", new ReviewFile.Session("thoracic-20261207T0100Z", START, START.plusSeconds(3600), "BOARD",
                "the board"), List.of(
                new ReviewFile.Member("dr-chair", "Dr Chair", "medical-oncologist", "Asia/Singapore", true, true, false, false),
                new ReviewFile.Member("dr-member", "Dr Member", "thoracic-surgeon", "Asia/Singapore", false, allIn, false,
                        false)), List.of(), opinions, allIn ? List.of() : List.of("dr-member"), null, List.of(),
                !allIn);
    }
}
