package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sessions as data: generated from the rule in {@link SessionProperties}, times in UTC. */
@Component
public class SessionCalendar {
    private final SessionProperties rule;
    private final Clock clock;

    public SessionCalendar(SessionProperties rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    /** Sessions starting in [from, to), earliest first. */
    public List<SessionSlot> between(Instant from, Instant to) {
        List<SessionSlot> slots = new ArrayList<>();
        LocalDate last = to.atZone(rule.zone()).toLocalDate();
        for (LocalDate day = from.atZone(rule.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = day.atTime(rule.start()).atZone(rule.zone()).toInstant();
            if (rule.days().contains(day.getDayOfWeek()) && !start.isBefore(from) && start.isBefore(to)) {
                slots.add(SessionSlot.startingAt(start));
            }
        }
        return slots;
    }

    /** Sessions a case of this urgency may go on: starting at least the lead time from now, within the horizon. */
    public List<SessionSlot> candidatesFor(Urgency urgency) {
        Instant now = clock.instant();
        return between(now.plus(rule.leadTimeFor(urgency)), now.plus(rule.horizon()));
    }

    /** The candidates that still have room, given the cases booked per session id; earliest first. */
    public List<SessionSlot> withRoom(List<SessionSlot> candidates, Map<String, Integer> booked) {
        return candidates.stream().filter(s -> booked.getOrDefault(s.id(), 0) < rule.capacity()).toList();
    }

    public int capacity() {
        return rule.capacity();
    }

    public Instant endOf(SessionSlot slot) {
        return slot.startsAt().plus(rule.length());
    }
}
