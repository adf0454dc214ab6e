package org.consilium.mdt.review;

import org.consilium.events.Urgency;
import org.consilium.mdt.guest.GuestView;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.session.SessionKind;
import org.consilium.mdt.session.SessionSlot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A review as specialists and coordinators see it; session times also in each person's own zone.
 * {@code othersOpinionsHidden}: the caller is a member who has not given their opinion yet, so {@code opinions} holds
 * none of the others' ({@link IndependentOpinions}); {@code panel[].opinionSubmitted} still says who has given one.
 */
public record ReviewView(String caseId, ReviewStatus status, String cancerType, Urgency urgency,
                         String questionForPanel, String firstOpinion, List<String> patientLanguages,
                         Session session, List<Member> panel, List<String> uncoveredDisciplines,
                         List<Opinion> opinions, List<String> awaitingOpinionsFrom, Consensus consensus,
                         Instant scheduledAt, Instant cancelledAt, String cancelReason, String country,
                         String treatingInstitution, String tumourGroup, List<Panel.Uncovered> uncovered,
                         List<PanelSwap> swaps, List<FollowUpQuestion> questions, ReportView.Summary report,
                         LicensureWidening licensureWidening, List<GuestView> guests,
                         boolean othersOpinionsHidden) {

    /**
     * @param patientLocalStart the start in the patient's time zone, ISO-8601 with offset
     * @param kind              a board's recurring session, an ad-hoc session, or an asynchronous review
     *                          (then {@code startsAt} is the deadline of the opinions and the consensus)
     * @param reason            why the case is on this session
     */
    public record Session(String id, Instant startsAt, String patientLocalStart, Instant endsAt, SessionKind kind,
                          String tumourGroup, String chairId, String reason) {
    }

    /**
     * @param localStart  the session start in the member's own time zone, ISO-8601 with offset
     * @param crossBorder not licensed in the patient's country: reviews across borders under the review's
     *                    {@code licensureWidening}
     * @param guest       a guest specialist from outside the directory (see the review's {@code guests})
     */
    public record Member(String specialistId, String name, String discipline, String timeZone, boolean chair,
                         String reason, String localStart, boolean opinionSubmitted, boolean crossBorder,
                         boolean guest) {
    }

    static ReviewView of(Review review) {
        return of(review, false);
    }

    /** With {@code othersHidden}, the opinions of the other members are left out (their seats say they gave one). */
    static ReviewView of(Review review, boolean othersHidden) {
        CaseBrief brief = review.brief();
        SessionSlot slot = review.session();
        List<String> awaiting = review.awaitingOpinions().stream().map(Panellist::specialistId).toList();
        List<Member> members = review.panel().stream().map(m -> new Member(m.specialistId(), m.name(), m.discipline(),
                m.timeZone(), m.chair(), m.reason(), local(slot, m.timeZone()), !awaiting.contains(m.specialistId()),
                m.crossBorder(), m.guest()))
                .toList();
        return new ReviewView(review.caseId(), review.status(),
                brief == null ? null : brief.cancerType(), brief == null ? null : brief.urgency(),
                brief == null ? null : brief.questionForPanel(), brief == null ? null : brief.firstOpinion(),
                brief == null ? List.of() : brief.patientLanguages(),
                slot == null ? null : new Session(slot.id(), slot.startsAt(), local(slot, brief.patientTimeZone()),
                        slot.endsAt(), slot.kind(), slot.tumourGroup(), slot.chairId(), review.sessionReason()),
                members, review.uncoveredDisciplines(), othersHidden ? List.of() : review.opinions(), awaiting, review.consensus().orElse(null),
                review.scheduledAt(), review.cancelledAt(), review.cancelReason(),
                brief == null ? null : brief.country(), brief == null ? null : brief.treatingInstitution(),
                brief == null ? null : brief.tumourGroup(), review.uncovered(), review.swaps(),
                review.questions(), review.report().map(ReportView.Summary::of).orElse(null),
                review.licensureWidening().orElse(null),
                review.guests().stream().map(g -> GuestView.of(g, review.member(g.id()).isPresent(), null))
                        .toList(), othersHidden);
    }

    private static String local(SessionSlot slot, String zone) {
        if (slot == null || zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            return null;
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(slot.startsAt().atZone(ZoneId.of(zone)));
    }
}
