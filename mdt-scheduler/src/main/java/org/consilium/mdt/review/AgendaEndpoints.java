package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consilium.events.Urgency;
import org.consilium.mdt.session.SessionBooking;
import org.consilium.mdt.session.SessionCalendar;
import org.consilium.mdt.session.SessionKind;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.access.CaseAction;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@RestController
@Tag(name = "sessions")
class AgendaEndpoints {
    static final String HIDDEN_WHY = "after the urgent cases; whether the opinions disagree is shown once you have given yours";
    private final SessionBooking booking;
    private final SessionCalendar calendar;
    private final ReviewRepository reviews;
    private final ReviewGate gate;

    AgendaEndpoints(SessionBooking booking, SessionCalendar calendar, ReviewRepository reviews, ReviewGate gate) {
        this.booking = booking;
        this.calendar = calendar;
        this.reviews = reviews;
        this.gate = gate;
    }

    @GetMapping("/sessions/{sessionId}/agenda")
    @Operation(summary = "The order a session discusses its cases in: urgent cases first, then cases whose "
            + "pre-meeting opinions disagree, then the rest (each group in booking order), with each case's time slot")
    @ApiResponse(responseCode = "404", description = "no case was ever booked on the session")
    Mono<Agenda> agenda(@PathVariable String sessionId, ServerHttpRequest http) {
        return booking.roster(sessionId)
                .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("session with booked cases", sessionId)))
                .flatMap(roster -> reviews.findAllById(roster.caseIds())
                        .filter(r -> r.status() != ReviewStatus.CANCELLED).collectList()
                        .flatMap(found -> Mono.zip(visibleTo(found), hiddenFrom(found)).map(seen -> agenda(
                                new SessionSlot(roster.id(), roster.startsAt(), roster.endsAt(), roster.tumourGroup(),
                                        roster.kind(), roster.chairId()), found, seen.getT2()).only(seen.getT1()))))
                .flatMap(agenda -> Flux.fromIterable(agenda.items())
                        .concatMap(item -> gate.record(http, item.caseId(), ReviewGate.Entry.review(AuditAction.READ,
                                "agenda", item.caseId(), "on the agenda of session " + sessionId)))
                        .then(Mono.just(agenda)));
    }

    /**
     * The cases of the session the caller may see: all for a coordinator; for a specialist those on
     * their panels while open. The order and time slots stay those of the whole session.
     */
    private static Mono<List<String>> visibleTo(List<Review> found) {
        return Caller.current()
                .map(caller -> found.stream().filter(r -> ReviewGate.audience(r).allows(caller, CaseAction.VIEW))
                        .map(Review::caseId).toList())
                .defaultIfEmpty(found.stream().map(Review::caseId).toList());
    }

    /** The cases whose other opinions the caller may not see yet: those where they sit and have not given theirs. */
    private static Mono<Set<String>> hiddenFrom(List<Review> found) {
        return Caller.current()
                .map(caller -> found.stream().filter(r -> IndependentOpinions.hiddenFrom(r, caller))
                        .map(Review::caseId).collect(Collectors.toSet()))
                .defaultIfEmpty(Set.of());
    }

    static List<Review> ordered(List<Review> reviews) {
        return reviews.stream().sorted(Comparator.comparingInt(AgendaEndpoints::rank)
                .thenComparing(r -> r.brief() == null || r.brief().urgency() == null ? Urgency.ROUTINE
                        : r.brief().urgency(), Comparator.reverseOrder())
                .thenComparing(Review::scheduledAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Review::caseId)).toList();
    }

    private static int rank(Review review) {
        if (review.brief() != null && review.brief().urgency() == Urgency.URGENT) {
            return 0;
        }
        return Disagreement.of(review.panel(), review.opinions()).disagrees() ? 1 : 2;
    }

    /**
     * Every case keeps its place (the order is the session's, the same for everyone), but a case whose other opinions
     * are hidden from the caller says neither whether they disagree nor where ({@link IndependentOpinions}).
     */
    private Agenda agenda(SessionSlot slot, List<Review> reviews, Set<String> opinionsHidden) {
        Duration perCase = calendar.timePerCase(slot);
        List<Item> items = new ArrayList<>();
        Instant at = slot.startsAt();
        for (Review review : ordered(reviews)) {
            Disagreement disagreement = Disagreement.of(review.panel(), review.opinions());
            int rank = rank(review);
            boolean hidden = opinionsHidden.contains(review.caseId());
            String why = rank == 0 ? "urgent" : hidden ? HIDDEN_WHY
                    : rank == 1 ? "pre-meeting opinions disagree" : "routine order";
            items.add(new Item(items.size() + 1, review.caseId(), review.brief() == null ? null : review.brief().urgency(),
                    review.brief() == null ? null : review.brief().cancerType(), at, at.plus(perCase), why,
                    !hidden && disagreement.disagrees(), hidden ? List.of() : disagreement.points(), hidden));
            at = at.plus(perCase);
        }
        return new Agenda(slot.id(), slot.kind(), slot.tumourGroup(), slot.chairId(), slot.startsAt(), slot.endsAt(),
                items);
    }

    record Agenda(String sessionId, SessionKind kind, String tumourGroup, String chairId, Instant startsAt,
                  Instant endsAt, List<Item> items) {

        Agenda only(List<String> caseIds) {
            return new Agenda(sessionId, kind, tumourGroup, chairId, startsAt, endsAt,
                    items.stream().filter(i -> caseIds.contains(i.caseId())).toList());
        }
    }

    /**
     * @param why                  why the case has its place: urgent, pre-meeting opinions disagree, or routine order
     *                             (for a member who has not given their opinion: {@value #HIDDEN_WHY})
     * @param othersOpinionsHidden the caller sits on this case's panel and has not given their opinion: whether and
     *                             where the others disagree is not said
     */
    record Item(int position, String caseId, Urgency urgency, String cancerType, Instant startsAt, Instant endsAt,
                String why, boolean opinionsDisagree, List<String> pointsOfDisagreement, boolean othersOpinionsHidden) {
    }
}
