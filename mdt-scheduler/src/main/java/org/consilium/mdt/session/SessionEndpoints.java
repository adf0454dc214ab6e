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
    @Operation(summary = "Sessions starting in [from, from + days) with the cases booked on them; "
            + "from defaults to now, days to 14 (at most 90)")
    Flux<SessionView> sessions(@RequestParam(required = false) Instant from,
                               @RequestParam(defaultValue = "14") int days) {
        if (days < 1 || days > 90) {
            throw DomainProblem.badRequest("bad-range", "days must be between 1 and 90, was " + days);
        }
        Instant start = from == null ? clock.instant() : from;
        List<SessionSlot> slots = calendar.between(start, start.plus(Duration.ofDays(days)));
        return booking.rosters(slots.stream().map(SessionSlot::id).toList())
                .collectMap(SessionRoster::id)
                .flatMapIterable(rosters -> slots.stream().map(slot -> view(slot, rosters.get(slot.id()))).toList());
    }

    private SessionView view(SessionSlot slot, SessionRoster roster) {
        List<String> cases = roster == null ? List.of() : roster.caseIds();
        return new SessionView(slot.id(), slot.startsAt(), calendar.endOf(slot), calendar.capacity(), cases.size(), cases);
    }

    record SessionView(String id, Instant startsAt, Instant endsAt, int capacity, int booked, List<String> cases) {
    }
}
