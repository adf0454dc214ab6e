package org.consilium.mdt.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.consilium.support.concurrency.ConcurrentChanges;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.report.Report;
import org.consilium.mdt.report.ReportComposition;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.function.Function;

/** The coordinator's QA of a concluded review's report: edit (a new version), approve, release; and its FHIR shape. */
@Component
public class ReportDesk {
    private static final Logger log = LoggerFactory.getLogger(ReportDesk.class);
    private final ReviewRepository reviews;
    private final PanelDeliberation deliberation;
    private final Clock clock;

    ReportDesk(ReviewRepository reviews, PanelDeliberation deliberation, Clock clock) {
        this.reviews = reviews;
        this.deliberation = deliberation;
        this.clock = clock;
    }

    /** The report of a review the caller was admitted to (409 before the consensus). */
    static ReportView report(Review review) {
        return ReportView.of(review.caseId(), review.requireReport());
    }

    public Mono<ReportView> revise(String caseId, ReportRevisionRequest request, String editor) {
        return change(caseId, review -> review.reviseReport(editor, request.reason(), request.basedOnVersion(),
                request.sections(), clock.instant()));
    }

    public Mono<ReportView> approve(String caseId, CoordinatorRequest request, String coordinator) {
        return change(caseId, review -> review.approveReport(coordinator, request.version(), clock.instant()))
                .doOnNext(report -> log.info("case {}: report version {} approved by {}", caseId, report.approvedVersion(),
                        coordinator));
    }

    public Mono<ReportView> release(String caseId, CoordinatorRequest request, String coordinator) {
        return change(caseId, review -> review.releaseReport(coordinator, request.version(), clock.instant()))
                .doOnNext(report -> log.info("case {}: report version {} released by {}", caseId, report.approvedVersion(),
                        coordinator));
    }

    /** The current version of a review the caller was admitted to, as a FHIR Composition. */
    static ObjectNode composition(Review review) {
        Report report = review.requireReport();
        CaseBrief brief = review.brief();
        return ReportComposition.of(new ReportComposition.Case(review.caseId(),
                brief == null ? null : brief.questionForPanel(), brief == null ? null : brief.firstOpinion(),
                review.panel().stream().map(ReportDesk::author).toList(),
                review.consensus().map(Consensus::concludedAt).orElse(null)), report);
    }

    private static ReportComposition.Author author(Panellist member) {
        return new ReportComposition.Author(member.name(), member.discipline(), member.chair(), member.crossBorder(),
                member.guest());
    }

    /** As for opinions: a concurrent change (or the outbox relay) is detected by the version; re-read and retry. */
    private Mono<ReportView> change(String caseId, Function<Review, Report> decision) {
        return Mono.defer(() -> deliberation.find(caseId).flatMap(review -> {
                    Report report = decision.apply(review);
                    return reviews.save(review).thenReturn(ReportView.of(caseId, report));
                }))
                .retryWhen(ConcurrentChanges.retry("the report of case " + caseId));
    }
}
