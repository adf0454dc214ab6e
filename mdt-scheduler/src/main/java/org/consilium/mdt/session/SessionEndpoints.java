package org.consilium.mdt.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consilium.support.problem.DomainProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@RestController
@Tag(name = "sessions")
class SessionEndpoints {
    private final SessionCalendar calendar;
    private final SessionBooking booking;
    private final Clock clock;

    SessionEndpoints(SessionCalendar calendar, SessionBooking booking, Clock clock) {
        this.calendar = calendar;
        this.booking = booking;
        this.clock = clock;
    }

    @GetMapping("/sessions")
    @Operation(summary = "Sessions starting in [from, from + days) with the cases booked on them: the boards' "
            + "recurring sessions (of one board with tumourGroup) and the ad-hoc sessions and asynchronous reviews "
            + "made for single cases; from defaults to now, days to 14 (at most 90)")
    Flux<SessionView> sessions(@RequestParam(required = false) Instant from,
                               @RequestParam(defaultValue = "14") int days,
                               @RequestParam(required = false) String tumourGroup) {
        if (days < 1 || days > 90) {
            throw DomainProblem.badRequest("bad-range", "days must be between 1 and 90, was " + days);
        }
        Instant start = from == null ? clock.instant() : from;
        Instant end = start.plus(Duration.ofDays(days));
        List<SessionSlot> slots = calendar.between(start, end, tumourGroup);
        return booking.rosters(slots.stream().map(SessionSlot::id).toList())
                .collectMap(SessionRoster::id)
                .zipWith(booking.oneCaseSessions(start, end)
                        .filter(r -> tumourGroup == null || tumourGroup.equals(r.tumourGroup())).collectList())
                .flatMapIterable(found -> {
                    List<SessionView> views = new ArrayList<>(slots.stream()
                            .map(slot -> view(slot, found.getT1().get(slot.id()))).toList());
                    found.getT2().forEach(roster -> views.add(view(roster.slot(), roster)));
                    views.sort(Comparator.comparing(SessionView::startsAt).thenComparing(SessionView::id));
                    return views;
                });
    }

    private SessionView view(SessionSlot slot, SessionRoster roster) {
        List<String> cases = roster == null ? List.of() : roster.caseIds();
        return new SessionView(slot.id(), slot.kind(), slot.tumourGroup(), slot.chairId(), calendar.quorum(slot),
                slot.startsAt(), slot.endsAt(), calendar.capacity(slot), cases.size(), cases);
    }

    /** @param chairId the board's chair; null for a one-case session, which the panel's chair runs */
    record SessionView(String id, SessionKind kind, String tumourGroup, String chairId, List<String> quorum,
                       Instant startsAt, Instant endsAt, int capacity, int booked, List<String> cases) {
    }
}
