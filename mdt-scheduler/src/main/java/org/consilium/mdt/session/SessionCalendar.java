package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.consilium.mdt.directory.TumourGroups;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Board sessions as data: generated from the rules in {@link SessionProperties}, times in UTC. */
@Component
public class SessionCalendar {
    private final SessionProperties rules;
    private final Clock clock;

    public SessionCalendar(SessionProperties rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The board that discusses a tumour group: its own, else the general board. */
    public Optional<String> boardFor(String tumourGroup) {
        if (tumourGroup != null && rules.boards().containsKey(tumourGroup)) {
            return Optional.of(tumourGroup);
        }
        return rules.boards().containsKey(TumourGroups.GENERAL) ? Optional.of(TumourGroups.GENERAL) : Optional.empty();
    }

    public Optional<SessionProperties.Board> board(String name) {
        return Optional.ofNullable(name == null ? null : rules.boards().get(name));
    }

    /** Sessions of every board (or of one) starting in [from, to), earliest first. */
    public List<SessionSlot> between(Instant from, Instant to, String onlyBoard) {
        List<SessionSlot> slots = new ArrayList<>();
        rules.boards().forEach((name, board) -> {
            if (onlyBoard == null || onlyBoard.equals(name)) {
                slots.addAll(between(name, board, from, to));
            }
        });
        slots.sort(Comparator.comparing(SessionSlot::startsAt).thenComparing(SessionSlot::id));
        return slots;
    }

    private static List<SessionSlot> between(String name, SessionProperties.Board board, Instant from, Instant to) {
        List<SessionSlot> slots = new ArrayList<>();
        LocalDate last = to.atZone(board.zone()).toLocalDate();
        for (LocalDate day = from.atZone(board.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = day.atTime(board.start()).atZone(board.zone()).toInstant();
            if (board.days().contains(day.getDayOfWeek()) && !start.isBefore(from) && start.isBefore(to)) {
                slots.add(SessionSlot.board(name, start, start.plus(board.length()), board.chair()));
            }
        }
        return slots;
    }

    /**
     * The board sessions a case of this group and urgency may go on: starting at least the lead
     * time from now and ending before its clock runs out; earliest first.
     */
    public List<SessionSlot> candidatesFor(String tumourGroup, Urgency urgency) {
        Instant now = clock.instant();
        Instant deadline = deadlineFor(urgency);
        return boardFor(tumourGroup).map(name -> between(name, rules.boards().get(name),
                        now.plus(rules.leadTimeFor(urgency)), deadline).stream()
                        .filter(s -> !s.endsAt().isAfter(deadline)).toList())
                .orElse(List.of());
    }

    /** The candidates that still have room, given the cases booked per session id; earliest first. */
    public List<SessionSlot> withRoom(List<SessionSlot> candidates, Map<String, Integer> booked) {
        return candidates.stream().filter(s -> booked.getOrDefault(s.id(), 0) < capacity(s)).toList();
    }

    /** By when a case of this urgency, scheduled now, must have been discussed. */
    public Instant deadlineFor(Urgency urgency) {
        return clock.instant().plus(rules.clockFor(urgency));
    }

    /** The earliest start a case of this urgency may have (time to read the dossier). */
    public Instant earliestStartFor(Urgency urgency) {
        return clock.instant().plus(rules.leadTimeFor(urgency));
    }

    public Duration clockFor(Urgency urgency) {
        return rules.clockFor(urgency);
    }

    public Duration adHocLength() {
        return rules.adHocLength();
    }

    /** Cases a session can discuss: a board's length over its time per case; one for a one-case session. */
    public int capacity(SessionSlot slot) {
        return slot.kind() == SessionKind.BOARD ? board(slot.tumourGroup()).map(SessionProperties.Board::capacity).orElse(1)
                : 1;
    }

    public Duration timePerCase(SessionSlot slot) {
        return slot.kind() == SessionKind.BOARD
                ? board(slot.tumourGroup()).map(SessionProperties.Board::timePerCase).orElse(rules.adHocLength())
                : rules.adHocLength();
    }

    public List<String> quorum(SessionSlot slot) {
        return slot.kind() == SessionKind.BOARD
                ? board(slot.tumourGroup()).map(SessionProperties.Board::quorum).orElse(List.of()) : List.of();
    }

    public Map<String, SessionProperties.Board> boards() {
        return rules.boards();
    }

    public Instant now() {
        return clock.instant();
    }
}
