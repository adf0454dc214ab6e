package org.consilium.mdt.review;

import org.consilium.events.Urgency;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.session.SessionKind;
import org.consilium.mdt.session.SessionSlot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a guest's link shows: the case as the panel is asked it (question, first opinion, the disciplines and who
 * sits in them), the session in the guest's own zone, and the guest's own opinion. Not the other members' opinions,
 * the meeting view, the report or the records: a link is a bearer credential that may be forwarded, so it opens the
 * least a guest needs to give their opinion.
 */
public record GuestBrief(String caseId, ReviewStatus status, String cancerType, Urgency urgency, String tumourGroup,
                         String questionForPanel, String firstOpinion, List<String> patientLanguages, String country,
                         List<String> disciplines, Session session, List<Seat> panel, You you, Opinion yourOpinion) {

    /** @param localStart the start in the guest's zone, ISO-8601 with offset */
    public record Session(Instant startsAt, String localStart, SessionKind kind) {
    }

    public record Seat(String name, String discipline, boolean chair, boolean guest) {
    }

    public record You(String specialistId, String name, String discipline, String timeZone, Instant linkExpiresAt) {
    }

    static GuestBrief of(Review review, Guest guest) {
        CaseBrief brief = review.brief();
        SessionSlot slot = review.session();
        return new GuestBrief(review.caseId(), review.status(), brief.cancerType(), brief.urgency(), brief.tumourGroup(),
                brief.questionForPanel(), brief.firstOpinion(), brief.patientLanguages(), brief.country(),
                brief.disciplines(),
                slot == null ? null : new Session(slot.startsAt(), local(slot.startsAt(), guest.timeZone()), slot.kind()),
                review.panel().stream().map(m -> new Seat(m.name(), m.discipline(), m.chair(), m.guest())).toList(),
                new You(guest.id(), guest.name(), guest.discipline(), guest.timeZone(), guest.link().expiresAt()),
                review.opinions().stream().filter(o -> o.specialistId().equals(guest.id())).findFirst().orElse(null));
    }

    private static String local(Instant at, String zone) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(ZoneId.of(zone)));
    }

    static boolean seated(Review review, Guest guest) {
        return review.panel().stream().map(Panellist::specialistId).anyMatch(guest.id()::equals);
    }
}
