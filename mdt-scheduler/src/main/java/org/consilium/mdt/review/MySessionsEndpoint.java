package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consilium.mdt.directory.Specialist;
import org.consilium.mdt.directory.SpecialistDirectory;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.access.CaseAction;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A specialist's own sessions (issue 13, the review room). {@code GET /sessions} lists every board with every case
 * and stays the desk's; this lists only the cases the caller's seats open to them, by the same per-case rule as
 * {@code GET /reviews/{caseId}}, so it shows nothing a specialist could not open one case at a time.
 */
@RestController
@Tag(name = "sessions")
class MySessionsEndpoint {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final ReactiveMongoTemplate mongo;
    private final SpecialistDirectory directory;
    private final WeeklyLoad load;
    private final ReviewGate gate;
    private final Clock clock;

    MySessionsEndpoint(ReactiveMongoTemplate mongo, SpecialistDirectory directory, WeeklyLoad load, ReviewGate gate,
                       Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.load = load;
        this.gate = gate;
        this.clock = clock;
    }

    @GetMapping("/specialists/me/sessions")
    @Operation(summary = "The signed-in specialist's sessions with their cases on them (those their panel seats open "
            + "to them: open reviews, and after release the chair's cases with a follow-up question waiting), each "
            + "session's times in the specialist's zone, cases in the agenda's order, and their load this week")
    Mono<MySessions> mine(ServerHttpRequest http) {
        Instant now = clock.instant();
        return Caller.current()
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.FORBIDDEN, "no-caller",
                        "without a token there is no 'me' (security is off)")))
                .flatMap(caller -> Mono.zip(
                        directory.find(caller.username()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        mongo.find(Query.query(Criteria.where("panel.specialistId").is(caller.username())), Review.class)
                                .filter(review -> review.session() != null
                                        && ReviewGate.audience(review).allows(caller, CaseAction.VIEW))
                                .collectList(),
                        load.inWeekOf(now).map(week -> week.getOrDefault(caller.username(), 0)))
                        .flatMap(found -> {
                            MySessions mine = of(caller.username(), found.getT1(), found.getT2(), found.getT3(), now);
                            return Flux.fromIterable(found.getT2())
                                    .concatMap(review -> gate.record(http, review.caseId(), ReviewGate.Entry.review(
                                            AuditAction.READ, "my-sessions", review.caseId(),
                                            "on the sessions of " + caller.username())))
                                    .then(Mono.just(mine));
                        }));
    }

    private static MySessions of(String me, Optional<Specialist> specialist, List<Review> reviews, int booked,
                                 Instant now) {
        String zone = specialist.map(Specialist::timeZone).filter(z -> ZoneId.getAvailableZoneIds().contains(z))
                .orElse("UTC");
        Map<String, SessionSlot> slots = new LinkedHashMap<>();
        Map<String, List<Review>> bySession = new LinkedHashMap<>();
        for (Review review : reviews) {
            slots.putIfAbsent(review.session().id(), review.session());
            bySession.computeIfAbsent(review.session().id(), id -> new java.util.ArrayList<>()).add(review);
        }
        List<MySessions.Session> sessions = slots.values().stream()
                .sorted(Comparator.comparing(SessionSlot::startsAt).thenComparing(SessionSlot::id))
                .map(slot -> MySessions.Session.of(slot, local(slot.startsAt(), zone), local(slot.endsAt(), zone),
                        AgendaEndpoints.ordered(bySession.get(slot.id())).stream()
                                .map(review -> MySessions.Case.of(review, me)).toList()))
                .toList();
        Instant monday = WeeklyLoad.mondayOf(now);
        return new MySessions(me, specialist.map(Specialist::name).orElse(me),
                specialist.map(Specialist::discipline).orElse(null), zone,
                new MySessions.Week(monday, monday.plus(7, ChronoUnit.DAYS), booked,
                        specialist.map(Specialist::weeklyCapacity).orElse(0)),
                sessions);
    }

    private static String local(Instant at, String zone) {
        return LOCAL.format(at.atZone(ZoneId.of(zone)));
    }
}
