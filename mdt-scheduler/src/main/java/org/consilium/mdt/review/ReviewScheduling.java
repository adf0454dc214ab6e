package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.ScheduleReview;
import org.consilium.mdt.directory.Specialist;
import org.consilium.mdt.directory.SpecialistDirectory;
import org.consilium.mdt.directory.TumourGroups;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.guest.GuestLinks;
import org.consilium.mdt.guest.GuestSeats;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.PanelComposer;
import org.consilium.mdt.panel.PanelRequest;
import org.consilium.mdt.session.SessionBooking;
import org.consilium.mdt.session.SessionCalendar;
import org.consilium.mdt.session.SessionPlanner;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.mdt.submission.CaseNotSubmittedYet;
import org.consilium.mdt.submission.SubmittedQuestions;
import org.consilium.support.parking.ParkedMessage;
import org.consilium.support.parking.ParkedMessages;
import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies ScheduleReview: the session the {@link SessionPlanner} chooses (the earliest fitting
 * board session whose seat can still be taken, else an ad-hoc session or asynchronous review), the
 * panel composed for it, and the review with its MdtScheduled event in one insert. A case gets one
 * review: a redelivered command, or another one for a case already reviewed or cancelled, changes nothing.
 * A case no panel can be composed for gets no session but a {@link PanelGap}, announced once as
 * CaseStepFailed, until a coordinator re-plans it (ADR 13), possibly with licensure widened for the case
 * ({@link LicensureWidening}). The question and first opinion come from
 * the case's CaseSubmitted ({@link SubmittedQuestions}) unless the command carries them: a command
 * that comes before it fails with CaseNotSubmittedYet, so the consumer parks it and applies it when it comes
 * (ParkedMessages), rather than plan a review with no question or hold the consumer's thread on retries.
 */
@Component
public class ReviewScheduling {
    private static final Logger log = LoggerFactory.getLogger(ReviewScheduling.class);

    private final ReviewRepository reviews;
    private final PanelGapRepository gaps;
    private final SessionBooking booking;
    private final SpecialistDirectory directory;
    private final WeeklyLoad load;
    private final PanelComposer composer;
    private final SessionPlanner planner;
    private final SessionCalendar calendar;
    private final ReviewMetrics metrics;
    private final SubmittedQuestions questions;
    private final CrossBorderCheck crossBorder;
    private final GuestLinks guestLinks;
    private final ParkedMessages parked;
    private final Clock clock;

    ReviewScheduling(ReviewRepository reviews, PanelGapRepository gaps, SessionBooking booking,
                     SpecialistDirectory directory, WeeklyLoad load, PanelComposer composer, SessionPlanner planner,
                     SessionCalendar calendar, ReviewMetrics metrics, SubmittedQuestions questions,
                     CrossBorderCheck crossBorder, GuestLinks guestLinks, ParkedMessages parked, Clock clock) {
        this.reviews = reviews;
        this.gaps = gaps;
        this.booking = booking;
        this.directory = directory;
        this.load = load;
        this.composer = composer;
        this.planner = planner;
        this.calendar = calendar;
        this.metrics = metrics;
        this.questions = questions;
        this.crossBorder = crossBorder;
        this.guestLinks = guestLinks;
        this.parked = parked;
        this.clock = clock;
    }

    public Mono<Void> apply(Envelope envelope) {
        ScheduleReview command = envelope.payload(ScheduleReview.class);
        return reviews.findById(command.caseId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.map(review -> alreadyReviewed(review, envelope.id()).then())
                        .orElseGet(() -> gaps.findById(command.caseId()).map(Optional::of)
                                .defaultIfEmpty(Optional.empty())
                                .flatMap(gap -> gap.filter(g -> g.appliedEvents().contains(envelope.id())).isPresent()
                                        ? Mono.<Void>empty() : withQuestion(command)
                                        .flatMap(asked -> schedule(envelope.id(), asked, gap, null)).then())))
                .then();
    }

    /** Only a command that would plan a case needs its question: one for a case reviewed or cancelled does not wait. */
    private Mono<ScheduleReview> withQuestion(ScheduleReview command) {
        return questions.complete(command).doOnError(CaseNotSubmittedYet.class, notYet -> metrics.awaitingCase());
    }

    /** The ScheduleReview of a case that waits for its CaseSubmitted, if one does. */
    public Mono<ParkedMessage> parkedFor(String caseId) {
        return parked.parkedFor(caseId).flatMapIterable(waiting -> waiting)
                .filter(message -> message.type() == MessageType.SCHEDULE_REVIEW).next();
    }

    /**
     * Plans a case again whose panel could not be composed, after a coordinator widened it (the directory,
     * or licensure for this case: {@code widening}, null for none): the review when a panel can now be
     * seated, else a 409 saying what is still missing (the task already exists).
     */
    public Mono<Review> replan(String caseId, LicensureWidening widening) {
        return reviews.existsById(caseId).flatMap(reviewed -> reviewed
                ? Mono.error(new DomainProblem(HttpStatus.CONFLICT, "already-scheduled", "case " + caseId
                        + " already has a review"))
                : gaps.findById(caseId).switchIfEmpty(Mono.error(DomainProblem.notFound("review of case", caseId)))
                .flatMap(gap -> (widening == null ? Mono.<Void>empty() : crossBorder.allows(gap, widening))
                        .then(Mono.defer(() -> schedule(Envelope.derivedId(caseId, "replan",
                                clock.instant().toString()), gap.command(), Optional.of(gap), widening))))
                .flatMap(outcome -> outcome.review() != null ? Mono.just(outcome.review())
                        : Mono.error(new DomainProblem(HttpStatus.CONFLICT, "panel-unavailable",
                        stillMissing(outcome.gap(), widening)))));
    }

    /**
     * Plans a case in a panel gap again with one more guest specialist among the candidates (already checked by
     * {@link GuestInvitations}): the review when the panel can now be seated (the guests are mailed their links),
     * else the gap, kept with the guest, saying what is still missing (a second guest may complete it).
     */
    Mono<Outcome> replanWithGuest(PanelGap gap, Guest guest) {
        return schedule(Envelope.derivedId(gap.caseId(), "guest", guest.id()), gap.command(),
                Optional.of(gap.withGuest(guest)), null);
    }

    private static String stillMissing(PanelGap gap, LicensureWidening widening) {
        return widening == null ? gap.reason() : "Still no panel for case " + gap.caseId() + " with licensure widened for "
                + String.join(", ", widening.disciplines()) + "; disciplines still missing: "
                + String.join(", ", gap.uncovered().stream().map(Panel.Uncovered::discipline).toList()) + ". "
                + gap.reason();
    }

    private Mono<Review> alreadyReviewed(Review review, String commandId) {
        if (review.hasApplied(commandId)) {
            return Mono.empty();
        }
        log.info("case {} already has a {} review; ScheduleReview {} changes nothing", review.caseId(), review.status(),
                commandId);
        return reviews.save(review.acknowledge(commandId));
    }

    /** The gap of a case no panel could be composed for, if it is one. */
    public Mono<PanelGap> gapOf(String caseId) {
        return gaps.findById(caseId);
    }

    /** What a ScheduleReview came to: a review on a session, or a gap no panel can fill yet. */
    record Outcome(Review review, PanelGap gap) {
    }

    private Mono<Outcome> schedule(String commandId, ScheduleReview command, Optional<PanelGap> earlier,
                                   LicensureWidening widening) {
        PanelRequest request = new PanelRequest(command.disciplines(), command.languages(), command.country(),
                command.treatingInstitution(), TumourGroups.of(command.cancerType()), null, null,
                widening == null ? null : Set.copyOf(widening.disciplines()));
        List<Guest> guests = earlier.map(PanelGap::guests).orElse(List.of());
        return directory.inDisciplines(command.disciplines()).collectList()
                // the invited guests are candidates like anyone: every rule of a seat holds for them too
                .map(listed -> Stream.concat(listed.stream(), guests.stream().map(Guest::asCandidate)).toList())
                .flatMap(specialists -> {
                    // licensure and conflicts of interest are structural; a full week is not, and is planned around
                    Panel eligible = GuestSeats.seat(composer.compose(request, specialists, Map.of()), guests,
                            command.country());
                    if (PanelGap.cannotSeat(eligible)) {
                        return gap(commandId, command, eligible, earlier, widening).map(gap -> new Outcome(null, gap));
                    }
                    return booking.heldBy(command.caseId())
                            .flatMap(held -> onHeldSession(request, specialists, held))
                            .switchIfEmpty(Mono.defer(() -> plan(command, request, specialists)))
                            .flatMap(option -> seat(commandId, command, option, earlier, widening, guests));
                });
    }

    /**
     * The review on the planned session, or a gap when the panel planned there cannot be seated after all: the
     * structural check above composes without the week's load, and a week in which every eligible member of a
     * discipline is at capacity composes no one. A review with nobody on its panel was scheduled and announced
     * (MdtScheduled) and then waited for opinions nobody was asked for (the full-size fault suite: 450 of 498
     * reviews); as a gap it is a coordinator's task that says who is at capacity, and the seat is given back.
     */
    private Mono<Outcome> seat(String commandId, ScheduleReview command, SessionPlanner.Option option,
                               Optional<PanelGap> earlier, LicensureWidening widening, List<Guest> guests) {
        Panel planned = GuestSeats.seat(option.panel(), guests, command.country());
        if (PanelGap.cannotSeat(planned)) {
            return booking.release(command.caseId())
                    .then(gap(commandId, command, planned, earlier, widening))
                    .map(gap -> new Outcome(null, gap));
        }
        Review review = Review.schedule(commandId, command, option.panel(), option.slot(), option.why(), widening,
                guests, guest -> guestLinks.url(command.caseId(), guest.link()), clock.instant());
        return reviews.save(review)
                .flatMap(saved -> earlier.isPresent() ? gaps.deleteById(saved.caseId()).thenReturn(saved)
                        : Mono.just(saved))
                .doOnNext(this::scheduled)
                .map(saved -> new Outcome(saved, null));
    }

    private Mono<PanelGap> gap(String commandId, ScheduleReview command, Panel eligible, Optional<PanelGap> earlier,
                               LicensureWidening widening) {
        PanelGap gap = earlier.map(g -> g.again(eligible, clock.instant()).acknowledge(commandId))
                .orElseGet(() -> PanelGap.of(commandId, command, eligible, clock.instant()));
        metrics.uncovered(gap.uncovered().stream().map(Panel.Uncovered::discipline).toList());
        log.warn("case {}: no panel can be composed ({} of {} disciplines{}): {}", command.caseId(), gap.members(),
                command.disciplines().size(), widening == null ? "" : ", licensure widened for "
                        + widening.disciplines(), gap.reason());
        // a widening that does not help is refused and not kept: the gap stays as the directory alone leaves it
        return widening == null ? gaps.save(gap) : Mono.just(gap);
    }

    private void scheduled(Review review) {
        metrics.uncovered(review.uncoveredDisciplines());
        metrics.sessionChosen(review.session().kind());
        log.info("case {} scheduled on {} ({}) with {} members{}", review.caseId(), review.session().id(),
                review.sessionReason(), review.panel().size(), review.uncoveredDisciplines().isEmpty() ? ""
                        : "; uncovered: " + review.uncoveredDisciplines());
    }

    /** A seat an earlier attempt of this command took (its review was not saved): the panel is composed for it. */
    private Mono<SessionPlanner.Option> onHeldSession(PanelRequest request, List<Specialist> specialists,
                                                      SessionSlot held) {
        PanelRequest at = request.at(held.startsAt(),
                Duration.between(held.startsAt(), held.endsAt() == null ? held.startsAt() : held.endsAt()));
        return load.inWeekOf(held.startsAt()).map(weekly -> new SessionPlanner.Option(held,
                composer.compose(at, specialists, weekly), "the seat an earlier attempt of this command took"));
    }

    private Mono<SessionPlanner.Option> plan(ScheduleReview command, PanelRequest request, List<Specialist> specialists) {
        List<SessionSlot> candidates = planner.candidatesFor(request.tumourGroup(), command.urgency());
        Mono<Map<Instant, Map<String, Integer>>> loads = load.inWeeksOf(Stream.concat(
                candidates.stream().map(SessionSlot::startsAt), Stream.of(calendar.earliestStartFor(command.urgency())))
                .toList());
        return Mono.zip(loads, booking.booked(candidates.stream().map(SessionSlot::id).toList()))
                .flatMap(known -> {
                    SessionPlanner.Plan plan = planner.plan(command.caseId(), command.urgency(), request, specialists,
                            at -> known.getT1().getOrDefault(WeeklyLoad.mondayOf(at), Map.of()), known.getT2());
                    return Flux.fromIterable(plan.fits())
                            .concatMap(option -> booking.takeSeat(option.slot(), command.caseId()).map(s -> option))
                            .next()
                            .switchIfEmpty(Mono.defer(() -> booking.takeSeat(plan.fallback().slot(), command.caseId())
                                    .thenReturn(plan.fallback())));
                });
    }
}
