package org.consilium.console.room;

import org.consilium.console.language.StaffWords;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The specialist's review room (issue 13): my sessions with their agendas, each case's dossier, my opinion (a draft
 * kept while I type, given once), the others' opinions once mine is in, the chair's consensus and the follow-up
 * questions waiting for me. Every page is drawn from what mdt-scheduler and records-service give this person with
 * their own token; a refusal is shown as the refusal it is.
 */
@Controller
class RoomController {
    private final Room room;
    private final RoomPages pages;
    private final Clock clock;

    RoomController(Room room, RoomPages pages, Clock clock) {
        this.room = room;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/room")
    Mono<Rendering> sessions(@RequestParam(required = false) String done) {
        return room.schedule().flatMap(schedule -> room.agendas(schedule.sessions().stream()
                        .map(MySchedule.Session::id).toList())
                .map(agendas -> Rendering.view("room")
                        .modelAttribute("schedule", schedule)
                        .modelAttribute("agendas", agendas)
                        .modelAttribute("zone", ViewerZone.of(schedule.timeZone()))
                        .modelAttribute("done", done == null ? "" : done)
                        .build()));
    }

    @GetMapping(value = "/room/calendar.ics")
    Mono<ResponseEntity<String>> calendar() {
        return room.schedule().map(schedule -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SessionCalendar.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consilium-my-sessions.ics\"")
                .body(SessionCalendar.of(schedule, clock.instant())));
    }

    @GetMapping("/room/cases/{caseId}")
    Mono<Rendering> file(@PathVariable String caseId, @RequestParam(required = false) String done,
                         Authentication authentication, WebSession session, java.util.Locale locale) {
        String me = SignedInUser.of(authentication).username();
        return pages.casePage(caseId, me, RoomPages.Forms.fresh(session, caseId), HttpStatus.OK,
                done == null ? "" : done, "", StaffWords.in(locale));
    }

    @PostMapping("/room/cases/{caseId}/opinion")
    Mono<Rendering> giveOpinion(@PathVariable String caseId, Authentication authentication, ServerWebExchange exchange,
                                java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String me = SignedInUser.of(authentication).username();
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> {
            OpinionForm form = OpinionForm.of(both.getT1());
            WebSession session = both.getT2();
            OpinionDrafts.keep(session, caseId, form); // nothing typed is lost, whatever the answer
            Map<String, String> own = form.ownProblems(w);
            if (!own.isEmpty()) {
                return pages.casePage(caseId, me, RoomPages.Forms.opinionRefused(form, own), HttpStatus.BAD_REQUEST, "",
                        w.say("room.opinion.notSent"), w);
            }
            return room.giveOpinion(caseId, form.body(me), form.idempotencyKey())
                    .then(Mono.fromRunnable(() -> OpinionDrafts.drop(session, caseId)))
                    .then(Mono.just(redirect(caseId, w.say("room.opinion.recorded"))))
                    .onErrorResume(ServiceProblem.class, problem -> pages.casePage(caseId, me,
                            RoomPages.Forms.opinionRefused(form, problem.fieldErrors()), problem.httpStatus(), "",
                            refusal(w, "room.opinion.notRecorded", problem), w));
        });
    }

    /** Keeps what is typed; htmx sends it a moment after each change and shows the fragment, a plain form reloads. */
    @PostMapping("/room/cases/{caseId}/draft")
    Mono<Rendering> keepDraft(@PathVariable String caseId, Authentication authentication, ServerWebExchange exchange,
                              java.util.Locale locale) {
        return Mono.zip(exchange.getFormData(), exchange.getSession()).map(both -> {
            OpinionForm form = OpinionForm.of(both.getT1());
            Map<String, String> problems = form.ownProblems(StaffWords.in(locale));
            boolean kept = problems.keySet().stream().noneMatch(field -> !field.equals("idempotencyKey"));
            if (kept) {
                OpinionDrafts.keep(both.getT2(), caseId, form);
            }
            if (!exchange.getRequest().getHeaders().containsKey("HX-Request")) {
                return Rendering.redirectTo("/room/cases/" + caseId + "#opinion").build();
            }
            return Rendering.view("fragments/room-draft :: status").status(kept ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                    .modelAttribute("kept", kept)
                    .modelAttribute("draftProblem", String.join(" ", problems.values()))
                    .build();
        });
    }

    @PostMapping("/room/cases/{caseId}/consensus")
    Mono<Rendering> signConsensus(@PathVariable String caseId, Authentication authentication, ServerWebExchange exchange,
                                  java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String me = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(data -> {
            ConsensusForm form = ConsensusForm.of(data);
            return room.signConsensus(caseId, form.body(me))
                    .then(Mono.just(redirect(caseId, w.say("room.consensus.signed"))))
                    .onErrorResume(ServiceProblem.class, problem -> pages.casePage(caseId, me,
                            RoomPages.Forms.consensusRefused(form, problem.fieldErrors()), problem.httpStatus(), "",
                            refusal(w, "room.consensus.notSigned", problem), w));
        });
    }

    @PostMapping("/room/cases/{caseId}/questions/{questionId}/answer")
    Mono<Rendering> answer(@PathVariable String caseId, @PathVariable String questionId, Authentication authentication,
                           ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String me = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(data -> {
            String answer = Optional.ofNullable(data.getFirst("answer")).orElse("");
            return room.answer(caseId, questionId, me, answer.strip())
                    .then(Mono.just(Rendering.redirectTo("/room?done=" + java.net.URLEncoder.encode(
                            w.say("room.answer.sent", questionId), java.nio.charset.StandardCharsets.UTF_8))
                            .build()))
                    .onErrorResume(ServiceProblem.class, problem -> pages.casePage(caseId, me,
                            RoomPages.Forms.answerRefused(questionId, answer, problem.fieldErrors()), problem.httpStatus(), "",
                            refusal(w, "room.answer.notSent", problem), w));
        });
    }

    private static Rendering redirect(String caseId, String done) {
        return Rendering.redirectTo("/room/cases/" + caseId + "?done="
                + java.net.URLEncoder.encode(done, java.nio.charset.StandardCharsets.UTF_8)).build();
    }


    private static String refusal(StaffWords w, String what, ServiceProblem problem) {
        return w.say(what) + " — " + problem.title() + (problem.detail().isBlank() ? "" : w.say("colon") + problem.detail());
    }
}
