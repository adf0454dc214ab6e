package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.consilium.mdt.directory.Specialist;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.PanelComposer;
import org.consilium.mdt.panel.PanelRequest;
import org.consilium.mdt.panel.Panellist;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses where a case is discussed. The case goes on the earliest session of its tumour group's
 * board that starts at least the lead time from now, ends before the urgency's clock runs out,
 * has room, and is quorate for the case: for every quorum discipline the case asked for, the
 * panel composed for that session has a member available (in their own zone) for the whole
 * session. When no board session fits, an ad-hoc session is made at the first quarter hour
 * within the clock when every member of the panel is available; when there is none, an
 * asynchronous review with the clock's deadline. Every choice carries why.
 */
@Component
public class SessionPlanner {
    private static final Duration STEP = Duration.ofMinutes(15);

    private final SessionCalendar calendar;
    private final PanelComposer composer;

    public SessionPlanner(SessionCalendar calendar, PanelComposer composer) {
        this.calendar = calendar;
        this.composer = composer;
    }

    /** A session the case can go on, with its panel for that session and why it was chosen. */
    public record Option(SessionSlot slot, Panel panel, String why) {
    }

    /**
     * @param fits     board sessions that fit, earliest first (a seat may still be taken meanwhile)
     * @param rejected the board sessions within the clock that did not fit, with why
     * @param fallback the ad-hoc session or asynchronous review, if none of the fits can be taken
     */
    public record Plan(List<Option> fits, List<String> rejected, Option fallback) {
    }

    /** The board sessions (and the weeks whose load) a plan for this case needs to know about. */
    public List<SessionSlot> candidatesFor(String tumourGroup, Urgency urgency) {
        return calendar.candidatesFor(tumourGroup, urgency);
    }

    /**
     * @param request      the case's panel request, without a session
     * @param specialists  the directory's specialists in (at least) the requested disciplines
     * @param loadInWeekOf each specialist's load in the week of an instant
     * @param booked       cases booked per session id
     */
    public Plan plan(String caseId, Urgency urgency, PanelRequest request, List<Specialist> specialists,
                     Function<Instant, Map<String, Integer>> loadInWeekOf, Map<String, Integer> booked) {
        Map<String, Specialist> byId = specialists.stream().collect(Collectors.toMap(Specialist::id, s -> s, (a, b) -> a));
        Instant deadline = calendar.deadlineFor(urgency);
        String clock = (urgency == null ? Urgency.ROUTINE : urgency) + " clock (discussed by " + deadline + ")";
        List<Option> fits = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (SessionSlot slot : calendar.candidatesFor(request.tumourGroup(), urgency)) {
            int taken = booked.getOrDefault(slot.id(), 0);
            int capacity = calendar.capacity(slot);
            if (taken >= capacity) {
                rejected.add(slot.id() + ": full (" + taken + " of " + capacity + " cases)");
                continue;
            }
            Panel panel = composer.compose(at(request, slot.startsAt(), Duration.between(slot.startsAt(), slot.endsAt())),
                    specialists, loadInWeekOf.apply(slot.startsAt()));
            List<String> missing = calendar.quorum(slot).stream().filter(request.disciplines()::contains)
                    .filter(d -> panel.members().stream().noneMatch(m -> m.discipline().equals(d)
                            && available(byId.get(m.specialistId()), slot.startsAt(), slot.endsAt())))
                    .toList();
            if (!missing.isEmpty()) {
                rejected.add(slot.id() + ": no quorum (no " + String.join(", ", missing) + " available for it)");
                continue;
            }
            fits.add(new Option(slot, panel, (fits.isEmpty() && rejected.isEmpty() ? "earliest" : "earliest fitting")
                    + " " + slot.tumourGroup() + " board session within the " + clock + ", with room (" + taken
                    + " of " + capacity + " cases booked) and quorum"
                    + (calendar.quorum(slot).isEmpty() ? "" : " (" + String.join(", ", calendar.quorum(slot)) + ")")
                    + (rejected.isEmpty() ? "" : "; passed over: " + String.join("; ", rejected))));
        }
        return new Plan(fits, List.copyOf(rejected), fallback(caseId, urgency, request, specialists, byId, loadInWeekOf,
                deadline, clock, rejected));
    }

    private Option fallback(String caseId, Urgency urgency, PanelRequest request, List<Specialist> specialists,
                            Map<String, Specialist> byId, Function<Instant, Map<String, Integer>> loadInWeekOf,
                            Instant deadline, String clock, List<String> rejected) {
        String board = calendar.boardFor(request.tumourGroup()).orElse(null);
        String why = "no " + (board == null ? "board for " + request.tumourGroup()
                : board + " board session fits within the " + clock)
                + (rejected.isEmpty() ? board == null ? "" : ": none starts and ends within it" : ": "
                + String.join("; ", rejected));
        Instant earliest = calendar.earliestStartFor(urgency);
        Map<String, Integer> load = loadInWeekOf.apply(earliest);
        Panel unscheduled = composer.compose(request, specialists, load);
        Duration length = calendar.adHocLength();
        Instant start = roundUp(earliest);
        for (; !start.plus(length).isAfter(deadline); start = start.plus(STEP)) {
            Instant at = start;
            if (unscheduled.members().stream().allMatch(m -> available(byId.get(m.specialistId()), at, at.plus(length)))) {
                Panel panel = composer.compose(at(request, at, length), specialists, load);
                return new Option(SessionSlot.adHoc(caseId, request.tumourGroup(), at, at.plus(length),
                        chairId(panel)), panel,
                        why + "; ad-hoc session at the first time every member is available");
            }
        }
        return new Option(SessionSlot.asynchronous(caseId, request.tumourGroup(), deadline,
                chairId(unscheduled)), unscheduled,
                why + "; no time before then when every member is available: asynchronous review, "
                        + "opinions in writing and the consensus by " + deadline);
    }

    /** A one-case session is run by its panel's chair, as a board session by the board's. */
    private static String chairId(Panel panel) {
        return panel.chair().map(Panellist::specialistId).orElse(null);
    }

    private static PanelRequest at(PanelRequest request, Instant start, Duration length) {
        return request.at(start, length);
    }

    private static boolean available(Specialist specialist, Instant start, Instant end) {
        return specialist != null && specialist.availableAt(start, Duration.between(start, end));
    }

    static Instant roundUp(Instant instant) {
        Instant hour = instant.truncatedTo(ChronoUnit.HOURS);
        long steps = (Duration.between(hour, instant).toNanos() + STEP.toNanos() - 1) / STEP.toNanos();
        return hour.plus(STEP.multipliedBy(steps));
    }
}
