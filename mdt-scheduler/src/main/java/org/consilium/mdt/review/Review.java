package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.MdtConcluded;
import org.consilium.events.ReportReleased;
import org.consilium.events.MdtScheduled;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.OpinionSubmitted;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.consilium.events.PanelChanged;
import org.consilium.events.ScheduleReview;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.guest.GuestLink;
import org.consilium.mdt.guest.GuestSeats;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.report.Report;
import org.consilium.mdt.report.ReportSections;
import org.consilium.mdt.report.ReportVersion;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.problem.DomainProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * One case's MDT review: its panel and session, the members' opinions and the chair's consensus.
 * Each change and the events it causes are saved together (the {@code outbox}), and the ids of the
 * commands it applied ({@code appliedEvents}) make redelivery harmless.
 */
@Document("reviews")
// the counts by status every metrics refresh (ReviewMetrics)
@CompoundIndex(name = "status", def = "{'status': 1}")
// a week's sessions and their panels, the specialists' load (WeeklyLoad)
@CompoundIndex(name = "session_starts", def = "{'session.startsAt': 1}")
// a specialist's own sessions (MySessionsEndpoint)
@CompoundIndex(name = "panel_specialist", def = "{'panel.specialistId': 1}")
public class Review {
    @Id
    private final String caseId;
    @Version
    private Long version;
    private ReviewStatus status;
    private final CaseBrief brief;
    private final SessionSlot session;
    private final String sessionReason;
    private final List<Panellist> panel;
    private final List<String> uncoveredDisciplines;
    private final List<Panel.Uncovered> uncovered;
    private final List<PanelSwap> swaps;
    private final List<Opinion> opinions;
    private Consensus consensus;
    private final Instant scheduledAt;
    private Instant cancelledAt;
    private String cancelReason;
    private final List<FollowUpQuestion> questions;
    private final List<OutboxEntry> outbox;
    private final List<String> appliedEvents;
    private Report report;
    /** Licensure widened by a coordinator for this case; null when the panel is licensed in the patient's country. */
    private final LicensureWidening licensureWidening;
    /** Guest specialists invited for this case while it had no panel, seated or not, with their links' state. */
    private final List<Guest> guests;
    /** The Idempotency-Keys opinions were given with (the newest {@link OpinionKey#KEPT}). */
    private final List<OpinionKey> opinionKeys;

    @PersistenceCreator
    Review(String caseId, Long version, ReviewStatus status, CaseBrief brief, SessionSlot session, String sessionReason,
           List<Panellist> panel, List<String> uncoveredDisciplines, List<Panel.Uncovered> uncovered,
           List<PanelSwap> swaps, List<Opinion> opinions, Consensus consensus, Instant scheduledAt,
           Instant cancelledAt, String cancelReason, List<FollowUpQuestion> questions, List<OutboxEntry> outbox,
           List<String> appliedEvents, Report report, LicensureWidening licensureWidening, List<Guest> guests,
           List<OpinionKey> opinionKeys) {
        this.caseId = caseId;
        this.version = version;
        this.status = status;
        this.brief = brief;
        this.session = session;
        this.sessionReason = sessionReason;
        this.panel = panel == null ? new ArrayList<>() : new ArrayList<>(panel);
        this.uncoveredDisciplines = uncoveredDisciplines == null ? new ArrayList<>() : new ArrayList<>(uncoveredDisciplines);
        this.uncovered = uncovered == null ? new ArrayList<>() : new ArrayList<>(uncovered);
        this.swaps = swaps == null ? new ArrayList<>() : new ArrayList<>(swaps);
        this.opinions = opinions == null ? new ArrayList<>() : new ArrayList<>(opinions);
        this.consensus = consensus;
        this.scheduledAt = scheduledAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions);
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
        this.appliedEvents = appliedEvents == null ? new ArrayList<>() : new ArrayList<>(appliedEvents);
        this.report = report;
        this.licensureWidening = licensureWidening;
        this.guests = guests == null ? new ArrayList<>() : new ArrayList<>(guests);
        this.opinionKeys = opinionKeys == null ? new ArrayList<>() : new ArrayList<>(opinionKeys);
    }

    /** A new review on a session with its panel; announces it with MdtScheduled. */
    static Review schedule(String commandId, ScheduleReview command, Panel panel, SessionSlot session,
                           String sessionReason, Instant now) {
        return schedule(commandId, command, panel, session, sessionReason, null, now);
    }

    /** As {@link #schedule(String, ScheduleReview, Panel, SessionSlot, String, Instant)}, under a coordinator's widening. */
    static Review schedule(String commandId, ScheduleReview command, Panel panel, SessionSlot session,
                           String sessionReason, LicensureWidening widening, Instant now) {
        return schedule(commandId, command, panel, session, sessionReason, widening, List.of(), guest -> null, now);
    }

    /**
     * As {@link #schedule(String, ScheduleReview, Panel, SessionSlot, String, LicensureWidening, Instant)}, with the
     * guests a coordinator invited while the case waited: the seats they take are marked (never the chair), and each
     * seated guest is mailed their invitation with the link {@code linkUrl} makes (the token is in no stored field
     * but the sealed outbox entry).
     */
    static Review schedule(String commandId, ScheduleReview command, Panel composed, SessionSlot session,
                           String sessionReason, LicensureWidening widening, List<Guest> guests,
                           Function<Guest, String> linkUrl, Instant now) {
        Panel panel = GuestSeats.seat(composed, guests, command.country());
        Review review = new Review(command.caseId(), null, ReviewStatus.SCHEDULED, CaseBrief.of(command), session,
                sessionReason, panel.members(), panel.uncoveredDisciplines(), panel.uncovered(), null, null, null, now,
                null, null, null, null, List.of(commandId), null, widening, guests, null);
        MdtScheduled scheduled = new MdtScheduled(command.caseId(), session.id(), session.startsAt(),
                panel.members().stream().map(Panellist::toEvent).toList());
        review.outbox.add(OutboxEntry.of(scheduled, Envelope.derivedId(commandId, "MdtScheduled"), now));
        // ids from the command: the same invitations however often the command is tried (notification-service
        // sends an id once), none for a redelivery, which is skipped before it gets here
        for (Panellist member : review.panel) {
            String eventId = Envelope.derivedId(commandId, "MdtInvitation", member.specialistId());
            if (member.guest()) {
                Guest guest = review.guest(member.specialistId()).orElseThrow();
                review.outbox.add(GuestInvitation.of(review.caseId, session, member, guest, linkUrl.apply(guest))
                        .entry(eventId, now));
            } else {
                review.invite(member, eventId, now);
            }
        }
        return review;
    }

    /** The case was withdrawn before it was scheduled: remember it, so that it is never scheduled. */
    static Review cancelledBeforeScheduling(String commandId, String caseId, String reason, Instant now) {
        return new Review(caseId, null, ReviewStatus.CANCELLED, null, null, null, null, null, null, null, null, null,
                null, now, reason, null, null, List.of(commandId), null, null, null, null);
    }

    boolean hasApplied(String commandId) {
        return appliedEvents.contains(commandId);
    }

    /** A command that changes nothing (a second ScheduleReview for the case): only remembered. */
    Review acknowledge(String commandId) {
        appliedEvents.add(commandId);
        return this;
    }

    /** Withdraws the case. A concluded review stays concluded: its consensus was signed. */
    Review cancel(String commandId, String reason, Instant now) {
        appliedEvents.add(commandId);
        if (status == ReviewStatus.SCHEDULED) {
            status = ReviewStatus.CANCELLED;
            cancelledAt = now;
            cancelReason = reason;
        }
        return this;
    }

    /** Records a member's opinion (replacing their earlier one); returns whether one was replaced. */
    boolean recordOpinion(OpinionRequest request, Instant now) {
        return recordOpinion(request, null, null, now).replaced();
    }

    /**
     * As {@link #recordOpinion(OpinionRequest, Instant)}, under an {@code Idempotency-Key}: the same request under a
     * key the member used before changes nothing and announces nothing ({@code replayed}; even when a later opinion
     * has replaced it since, so a late retry does not bring an old opinion back); another request under it is 422
     * {@code idempotency-key-reused}. Without a key, every submission counts.
     */
    OpinionOutcome recordOpinion(OpinionRequest request, String key, String fingerprint, Instant now) {
        requireOpen();
        Panellist member = member(request.specialistId()).orElseThrow(() -> new DomainProblem(HttpStatus.FORBIDDEN,
                "not-a-panel-member", request.specialistId() + " is not on the panel of case " + caseId));
        Optional<OpinionKey> used = key == null ? Optional.empty() : opinionKeys.stream()
                .filter(k -> k.specialistId().equals(member.specialistId()) && k.key().equals(key)).findFirst();
        if (used.isPresent()) {
            if (!used.get().fingerprint().equals(fingerprint)) {
                throw org.consilium.support.idempotency.RequestFingerprint.keyReused();
            }
            return new OpinionOutcome(used.get().replaced(), true);
        }
        boolean replaced = opinions.removeIf(o -> o.specialistId().equals(member.specialistId()));
        if (key != null) {
            opinionKeys.add(new OpinionKey(member.specialistId(), key, fingerprint, replaced));
            if (opinionKeys.size() > OpinionKey.KEPT) {
                opinionKeys.remove(0);
            }
        }
        opinions.add(new Opinion(member.specialistId(), member.discipline(), request.recommendation(),
                request.agreesWithFirstOpinion(), request.confidence(), request.informationMissing(), now));
        outbox.add(OutboxEntry.of(new OpinionSubmitted(caseId, member.specialistId(), member.discipline(),
                request.agreesWithFirstOpinion(), now), now));
        return new OpinionOutcome(replaced, false);
    }

    /** @param replayed the same submission came again under its Idempotency-Key: nothing was recorded */
    record OpinionOutcome(boolean replaced, boolean replayed) {
    }

    /** The chair signs the consensus once every member has given an opinion; announces MdtConcluded. */
    void conclude(ConsensusRequest request, Instant now) {
        requireOpen();
        Panellist chair = chair().orElseThrow(() -> DomainProblem.conflict("no-chair",
                "case " + caseId + " has no panel members, so no chair can sign a consensus"));
        if (!chair.specialistId().equals(request.chairId())) {
            throw new DomainProblem(HttpStatus.FORBIDDEN, "not-the-chair", request.chairId()
                    + " does not chair the panel of case " + caseId + "; " + chair.name() + " does");
        }
        List<String> missing = awaitingOpinions().stream()
                .map(m -> m.name() + " (" + m.discipline() + ", " + m.specialistId() + ")").toList();
        if (!missing.isEmpty()) {
            throw DomainProblem.conflict("opinions-missing", "the consensus needs every member's opinion first; missing: "
                    + String.join(", ", missing));
        }
        consensus = new Consensus(chair.specialistId(), request.confirmsFirstOpinion(), request.recommendation(),
                request.plainLanguageSummary(), request.differenceExplanation(), request.dissent(), chair.name(), now);
        status = ReviewStatus.CONCLUDED;
        report = Report.first(request.sections(), chair.name(), now);
        outbox.add(OutboxEntry.of(new MdtConcluded(caseId, consensus.toReport(), now),
                Envelope.derivedId(caseId, "MdtConcluded"), now));
    }

    /**
     * The coordinator's checks on this review before a swap of the seat of {@code discipline}: the
     * review is open, the discipline was requested, the specialist is not on the panel yet, and the
     * member leaving has not given an opinion.
     */
    void checkSwappable(String discipline, String specialistId) {
        requireOpen();
        boolean requested = panel.stream().anyMatch(m -> m.discipline().equals(discipline))
                || uncoveredDisciplines.contains(discipline);
        if (!requested) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "discipline-not-requested",
                    "the panel of case " + caseId + " has no seat for " + discipline);
        }
        Optional<Panellist> same = member(specialistId);
        if (same.isPresent()) {
            throw DomainProblem.conflict("already-on-panel", specialistId + " already sits on the panel of case "
                    + caseId + " as " + same.get().discipline());
        }
        seatOf(discipline).filter(m -> opinions.stream().anyMatch(o -> o.specialistId().equals(m.specialistId())))
                .ifPresent(m -> {
                    throw DomainProblem.conflict("opinion-submitted", m.name() + " already gave an opinion on case "
                            + caseId + "; the seat of " + discipline + " can no longer be swapped");
                });
    }

    /** Puts the (already checked) specialist on the seat of the discipline; the swap is recorded. */
    PanelSwap swap(Panellist incoming, String reason, Instant now) {
        checkSwappable(incoming.discipline(), incoming.specialistId());
        Optional<Panellist> leaving = seatOf(incoming.discipline());
        int seat = leaving.map(panel::indexOf).orElse(-1);
        boolean chair = leaving.map(Panellist::chair).orElse(false)
                || incoming.discipline().equals(org.consilium.mdt.directory.Disciplines.MEDICAL_ONCOLOGIST);
        if (chair) {
            panel.replaceAll(m -> m.chair() ? m.withChair(false) : m);
        }
        Panellist seated = incoming.withChair(chair);
        if (leaving.isPresent()) {
            panel.set(seat, seated);
        } else {
            panel.add(seated);
            uncoveredDisciplines.remove(incoming.discipline());
            uncovered.removeIf(u -> u.discipline().equals(incoming.discipline()));
        }
        if (chair().isEmpty()) { // the first directory member: guests do not chair
            panel.stream().filter(m -> !m.guest()).findFirst()
                    .ifPresent(first -> panel.set(panel.indexOf(first), first.withChair(true)));
        }
        PanelSwap swap = new PanelSwap(incoming.discipline(), leaving.map(Panellist::specialistId).orElse(null),
                incoming.specialistId(), reason, now);
        swaps.add(swap);
        // who may read the case's records follows the panel (records-service, issue 6)
        outbox.add(OutboxEntry.of(new PanelChanged(caseId, session == null ? null : session.id(),
                panel.stream().map(Panellist::toEvent).toList(), now), now));
        // the swap's place in the list makes its invitation's id: someone swapped in twice is invited twice
        invite(member(seated.specialistId()).orElseThrow(), Envelope.derivedId(caseId, "swap",
                String.valueOf(swaps.size()), seated.specialistId(), "MdtInvitation"), now); // as seated: chair or not
        return swap;
    }

    /**
     * Revokes the guest's current link (from now on it opens nothing; revoking twice keeps the first revocation).
     * The guest keeps the seat: a coordinator sends a new link, or swaps the seat to a directory specialist.
     */
    Guest revokeGuestLink(String guestId, String by, Instant now) {
        Guest guest = guest(guestId).orElseThrow(() -> DomainProblem.notFound("guest of case " + caseId, guestId));
        Guest revoked = guest.withLink(guest.link().revoked(by, now));
        guests.set(guests.indexOf(guest), revoked);
        return revoked;
    }

    /**
     * A new link for a seated guest (the old one lost, expired or revoked): the old one is replaced, so it opens
     * nothing, and the guest is mailed the new one.
     */
    Guest renewGuestLink(String guestId, GuestLink link, String url, Instant now) {
        requireOpen();
        Guest guest = guest(guestId).orElseThrow(() -> DomainProblem.notFound("guest of case " + caseId, guestId));
        Panellist seat = member(guestId).orElseThrow(() -> DomainProblem.conflict("guest-not-seated", guest.id()
                + " does not sit on the panel of case " + caseId + " (swapped out, or never seated)"));
        Guest renewed = guest.withLink(link);
        guests.set(guests.indexOf(guest), renewed);
        outbox.add(GuestInvitation.of(caseId, session, seat, renewed, url)
                .entry(Envelope.derivedId(caseId, guestId, link.id(), "GuestInvitation"), now));
        return renewed;
    }

    private void invite(Panellist member, String eventId, Instant now) {
        new PanelInvitation(caseId, session, member).entry(eventId, now).ifPresent(outbox::add);
    }

    private Optional<Panellist> seatOf(String discipline) {
        return panel.stream().filter(m -> m.discipline().equals(discipline)).findFirst();
    }

    /** A follow-up question from the patient, within the window after the consensus; goes to the chair. */
    FollowUpQuestion ask(String question, Recipient replyTo, Instant now, java.time.Duration window) {
        if (status != ReviewStatus.CONCLUDED) {
            throw DomainProblem.conflict("review-not-concluded", "follow-up questions are taken once the panel of case "
                    + caseId + " has concluded; it is " + status);
        }
        Instant closes = consensus.concludedAt().plus(window);
        if (now.isAfter(closes)) {
            throw DomainProblem.conflict("follow-up-closed", "follow-up questions on case " + caseId
                    + " were taken until " + closes + " (" + window.toDays() + " days after the consensus)");
        }
        Panellist chair = chair().orElseThrow(() -> DomainProblem.conflict("no-chair", "case " + caseId + " has no chair"));
        FollowUpQuestion asked = new FollowUpQuestion("q" + (questions.size() + 1), question, now,
                chair.specialistId(), null, null, null, replyTo);
        questions.add(asked);
        // the chair is told a question waits, with a link's worth of context; the answer goes back to who asked
        outbox.add(OutboxEntry.of(new SendNotification(caseId, new Recipient(chair.name(), chair.email(), "en"),
                NotificationPurpose.FOLLOW_UP_QUESTION, Map.of("questionId", asked.id(), "question", question)),
                Envelope.derivedId(caseId, asked.id(), "asked"), now));
        return asked;
    }

    /** The chair answers a follow-up question, once. */
    FollowUpQuestion answer(String questionId, String chairId, String answer, Instant now) {
        FollowUpQuestion question = questions.stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> DomainProblem.notFound("follow-up question of case " + caseId, questionId));
        Panellist chair = chair().orElseThrow(() -> DomainProblem.conflict("no-chair", "case " + caseId + " has no chair"));
        if (!chair.specialistId().equals(chairId)) {
            throw new DomainProblem(HttpStatus.FORBIDDEN, "not-the-chair", chairId
                    + " does not chair the panel of case " + caseId + "; " + chair.name() + " answers its questions");
        }
        if (question.answer() != null) {
            throw DomainProblem.conflict("already-answered", "question " + questionId + " of case " + caseId
                    + " was answered at " + question.answeredAt());
        }
        FollowUpQuestion answered = question.answered(answer, chair.name(), now);
        questions.set(questions.indexOf(question), answered);
        if (question.replyTo() != null) { // questions asked before answers were routed have no one to send to
            outbox.add(OutboxEntry.of(new SendNotification(caseId, question.replyTo(),
                    NotificationPurpose.FOLLOW_UP_ANSWERED, Map.of("questionId", questionId, "question",
                    question.question(), "answer", answer, "answeredBy", chair.name())),
                    Envelope.derivedId(caseId, questionId, "answered"), now));
        }
        return answered;
    }

    /** A coordinator's edit of the report: a new version (see {@link Report#revise}). */
    Report reviseReport(String editor, String reason, Integer basedOnVersion, ReportSections sections, Instant now) {
        report = requireReport().revise(caseId, editor, reason, basedOnVersion, sections, now);
        return report;
    }

    Report approveReport(String coordinator, Integer readVersion, Instant now) {
        report = requireReport().approve(caseId, coordinator, readVersion, now);
        return report;
    }

    /** Releases the approved version and announces it (ReportReleased): that version is what the patient gets. */
    Report releaseReport(String coordinator, Integer readVersion, Instant now) {
        report = requireReport().release(caseId, coordinator, readVersion, now);
        ReportVersion released = report.current();
        String signedBy = consensus == null ? released.editor() : consensus.signedBy();
        outbox.add(OutboxEntry.of(new ReportReleased(caseId, released.number(), released.sections().asContent(signedBy),
                coordinator, now), Envelope.derivedId(caseId, "ReportReleased"), now));
        return report;
    }

    Report requireReport() {
        return report().orElseThrow(() -> DomainProblem.conflict("review-not-concluded", "case " + caseId
                + " has no report yet: the panel has not concluded (it is " + status + ")"));
    }

    /**
     * The report; a review concluded before reports were versioned gets its version 1 from the
     * consensus (the sections it had then).
     */
    public Optional<Report> report() {
        if (report == null && consensus != null) {
            return Optional.of(Report.first(new ReportSections(consensus.confirmsFirstOpinion(),
                    consensus.recommendation(), consensus.plainLanguageSummary(), consensus.differenceExplanation(),
                    consensus.dissent(), null, null, null, null), consensus.signedBy(), consensus.concludedAt()));
        }
        return Optional.ofNullable(report);
    }

    private void requireOpen() {
        if (status == ReviewStatus.CANCELLED) {
            throw DomainProblem.conflict("review-cancelled", "the review of case " + caseId + " was cancelled");
        }
        if (status == ReviewStatus.CONCLUDED) {
            throw DomainProblem.conflict("review-concluded", "the panel of case " + caseId + " already concluded");
        }
    }

    List<Panellist> awaitingOpinions() {
        return panel.stream().filter(m -> opinions.stream().noneMatch(o -> o.specialistId().equals(m.specialistId())))
                .toList();
    }

    Optional<Panellist> member(String specialistId) {
        return panel.stream().filter(m -> m.specialistId().equals(specialistId)).findFirst();
    }

    Optional<Panellist> chair() {
        return panel.stream().filter(Panellist::chair).findFirst();
    }

    public String caseId() {
        return caseId;
    }

    public ReviewStatus status() {
        return status;
    }

    public CaseBrief brief() {
        return brief;
    }

    public SessionSlot session() {
        return session;
    }

    public List<Panellist> panel() {
        return List.copyOf(panel);
    }

    public List<String> uncoveredDisciplines() {
        return List.copyOf(uncoveredDisciplines);
    }

    /** The uncovered disciplines with why; a review stored before reasons were kept has the disciplines only. */
    public List<Panel.Uncovered> uncovered() {
        return uncovered.isEmpty() ? uncoveredDisciplines.stream().map(d -> new Panel.Uncovered(d, null)).toList()
                : List.copyOf(uncovered);
    }

    public String sessionReason() {
        return sessionReason;
    }

    public List<FollowUpQuestion> questions() {
        return List.copyOf(questions);
    }

    public List<PanelSwap> swaps() {
        return List.copyOf(swaps);
    }

    public List<Opinion> opinions() {
        return List.copyOf(opinions);
    }

    public Optional<Consensus> consensus() {
        return Optional.ofNullable(consensus);
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public List<Guest> guests() {
        return List.copyOf(guests);
    }

    public Optional<Guest> guest(String guestId) {
        return guests.stream().filter(g -> g.id().equals(guestId)).findFirst();
    }

    /** The guest holding this link, if they sit on the panel: who a guest link stands for. */
    public Optional<Guest> seatedGuestWithLink(String linkId) {
        return guests.stream().filter(g -> g.link() != null && g.link().id().equals(linkId))
                .filter(g -> member(g.id()).isPresent()).findFirst();
    }

    public Optional<LicensureWidening> licensureWidening() {
        return Optional.ofNullable(licensureWidening);
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
