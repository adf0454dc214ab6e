package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.OpinionSubmitted;
import org.consilium.events.ScheduleReview;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.Panellist;
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
import java.util.Optional;

/**
 * One case's MDT review: its panel and session, the members' opinions and the chair's consensus.
 * Each change and the events it causes are saved together (the {@code outbox}), and the ids of the
 * commands it applied ({@code appliedEvents}) make redelivery harmless.
 */
@Document("reviews")
public class Review {
    @Id
    private final String caseId;
    @Version
    private Long version;
    private ReviewStatus status;
    private final CaseBrief brief;
    private final SessionSlot session;
    private final List<Panellist> panel;
    private final List<String> uncoveredDisciplines;
    private final List<Opinion> opinions;
    private Consensus consensus;
    private final Instant scheduledAt;
    private Instant cancelledAt;
    private String cancelReason;
    private final List<OutboxEntry> outbox;
    private final List<String> appliedEvents;

    @PersistenceCreator
    Review(String caseId, Long version, ReviewStatus status, CaseBrief brief, SessionSlot session, List<Panellist> panel,
           List<String> uncoveredDisciplines, List<Opinion> opinions, Consensus consensus, Instant scheduledAt,
           Instant cancelledAt, String cancelReason, List<OutboxEntry> outbox, List<String> appliedEvents) {
        this.caseId = caseId;
        this.version = version;
        this.status = status;
        this.brief = brief;
        this.session = session;
        this.panel = panel == null ? List.of() : List.copyOf(panel);
        this.uncoveredDisciplines = uncoveredDisciplines == null ? List.of() : List.copyOf(uncoveredDisciplines);
        this.opinions = opinions == null ? new ArrayList<>() : new ArrayList<>(opinions);
        this.consensus = consensus;
        this.scheduledAt = scheduledAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
        this.appliedEvents = appliedEvents == null ? new ArrayList<>() : new ArrayList<>(appliedEvents);
    }

    /** A new review on a session with its panel; announces it with MdtScheduled. */
    static Review schedule(String commandId, ScheduleReview command, Panel panel, SessionSlot session, Instant now) {
        Review review = new Review(command.caseId(), null, ReviewStatus.SCHEDULED, CaseBrief.of(command), session,
                panel.members(), panel.uncoveredDisciplines(), null, null, now, null, null, null, List.of(commandId));
        MdtScheduled scheduled = new MdtScheduled(command.caseId(), session.id(), session.startsAt(),
                panel.members().stream().map(Panellist::toEvent).toList());
        review.outbox.add(OutboxEntry.of(scheduled, Envelope.derivedId(commandId, "MdtScheduled"), now));
        return review;
    }

    /** The case was withdrawn before it was scheduled: remember it, so that it is never scheduled. */
    static Review cancelledBeforeScheduling(String commandId, String caseId, String reason, Instant now) {
        return new Review(caseId, null, ReviewStatus.CANCELLED, null, null, null, null, null, null, null, now, reason,
                null, List.of(commandId));
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
        requireOpen();
        Panellist member = member(request.specialistId()).orElseThrow(() -> new DomainProblem(HttpStatus.FORBIDDEN,
                "not-a-panel-member", request.specialistId() + " is not on the panel of case " + caseId));
        boolean replaced = opinions.removeIf(o -> o.specialistId().equals(member.specialistId()));
        opinions.add(new Opinion(member.specialistId(), member.discipline(), request.recommendation(),
                request.agreesWithFirstOpinion(), request.confidence(), request.informationMissing(), now));
        outbox.add(OutboxEntry.of(new OpinionSubmitted(caseId, member.specialistId(), member.discipline(),
                request.agreesWithFirstOpinion(), now), now));
        return replaced;
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
        outbox.add(OutboxEntry.of(new MdtConcluded(caseId, consensus.toReport(), now),
                Envelope.derivedId(caseId, "MdtConcluded"), now));
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
        return panel;
    }

    public List<String> uncoveredDisciplines() {
        return uncoveredDisciplines;
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

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
