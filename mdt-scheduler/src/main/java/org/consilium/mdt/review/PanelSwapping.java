package org.consilium.mdt.review;

import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.mdt.directory.SpecialistDirectory;
import org.consilium.mdt.panel.PanelComposer;
import org.consilium.mdt.panel.PanelRequest;
import org.consilium.mdt.panel.Panellist;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * A coordinator's swap of one panel seat, under the rules a composed panel obeys (licensure, as
 * widened for the case if it was, conflict of interest, capacity); a refusal names the rule and stores nothing. The review records
 * the swap, announces the panel as PanelChanged and invites the member seated; MdtScheduled is not repeated.
 */
@Component
public class PanelSwapping {
    private final ReviewRepository reviews;
    private final SpecialistDirectory directory;
    private final WeeklyLoad load;
    private final PanelComposer composer;
    private final Clock clock;

    PanelSwapping(ReviewRepository reviews, SpecialistDirectory directory, WeeklyLoad load, PanelComposer composer,
                  Clock clock) {
        this.reviews = reviews;
        this.directory = directory;
        this.load = load;
        this.composer = composer;
        this.clock = clock;
    }

    public Mono<Review> swap(String caseId, String discipline, SwapRequest request) {
        return Mono.defer(() -> reviews.findById(caseId)
                        .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("review of case", caseId)))
                        .flatMap(review -> {
                            review.checkSwappable(discipline, request.specialistId());
                            return directory.find(request.specialistId())
                                    .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                                            "unknown-specialist", "no specialist " + request.specialistId()
                                            + " in the directory")))
                                    .zipWith(load.inWeekOf(review.session().startsAt()))
                                    .flatMap(found -> {
                                        var specialist = found.getT1();
                                        if (!specialist.discipline().equals(discipline)) {
                                            throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "wrong-discipline",
                                                    specialist.name() + " is a " + specialist.discipline() + ", not a "
                                                            + discipline);
                                        }
                                        CaseBrief brief = review.brief();
                                        PanelRequest rules = new PanelRequest(brief.disciplines(),
                                                brief.patientLanguages(), brief.country(), brief.treatingInstitution(),
                                                brief.tumourGroup(), null, Duration.ZERO, review.licensureWidening()
                                                .map(w -> Set.copyOf(w.disciplines())).orElse(Set.of()));
                                        composer.violation(specialist, rules, found.getT2()).ifPresent(v -> {
                                            throw new DomainProblem(HttpStatus.valueOf(v.rule().status),
                                                    v.rule().slug, v.detail());
                                        });
                                        int booked = found.getT2().getOrDefault(specialist.id(), 0);
                                        boolean acrossBorders = !specialist.licensedFor(brief.country());
                                        String why = "swapped in by the coordinator: " + request.reason() + "; "
                                                + (brief.country() == null ? "licensure not checked (no patient country)"
                                                : acrossBorders ? "reviews across borders: not licensed in "
                                                + brief.country() + ", licensure widened for " + discipline
                                                + "s on this case" : "licensed in " + brief.country())
                                                + (brief.treatingInstitution() == null ? ""
                                                : "; not affiliated with " + brief.treatingInstitution())
                                                + "; " + booked + " of " + specialist.weeklyCapacity()
                                                + " weekly cases booked";
                                        review.swap(new Panellist(specialist.id(), specialist.name(),
                                                specialist.discipline(), specialist.timeZone(), false, why,
                                                specialist.email(), acrossBorders),
                                                request.reason(), clock.instant());
                                        return reviews.save(review);
                                    });
                        }))
                .retryWhen(ConcurrentChanges.retry("the panel of case " + caseId));
    }
}
