package org.consilium.mdt.submission;

import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.ScheduleReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each case's question and first opinion from CaseSubmitted, and completes a ScheduleReview that
 * comes without them. One case's events share a partition, so a case is never written by two at once.
 */
@Component
public class SubmittedQuestions {
    private static final Logger log = LoggerFactory.getLogger(SubmittedQuestions.class);

    private final SubmittedQuestionRepository questions;
    private final Clock clock;

    SubmittedQuestions(SubmittedQuestionRepository questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    /** Applies a CaseSubmitted; a redelivered or repeated one changes nothing. */
    public Mono<Void> keep(Envelope envelope) {
        CaseSubmitted submitted = envelope.payload(CaseSubmitted.class);
        return questions.findById(submitted.caseId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> found
                        .map(known -> known.hasApplied(envelope.id()) ? Mono.<SubmittedQuestion>empty()
                                : questions.save(repeated(known, envelope.id())))
                        .orElseGet(() -> questions.save(new SubmittedQuestion(submitted.caseId(),
                                submitted.questionForPanel(), submitted.firstOpinion(), clock.instant(),
                                List.of(envelope.id()), submitted.parties()))))
                .then();
    }

    /** Who may see the case besides staff and its panel, as its CaseSubmitted said; none while it is not known. */
    public Mono<List<CaseParty>> parties(String caseId) {
        return questions.findById(caseId).map(SubmittedQuestion::parties).defaultIfEmpty(List.of());
    }

    private static SubmittedQuestion repeated(SubmittedQuestion known, String eventId) {
        log.warn("case {}: another CaseSubmitted ({}); the question of the first is kept", known.caseId(), eventId);
        return known.acknowledge(eventId);
    }

    /**
     * The command with the case's question: as it came when it carries one (older producers), else with
     * the question and first opinion of the case's CaseSubmitted, or {@link CaseNotSubmittedYet} when
     * that has not been seen yet.
     */
    public Mono<ScheduleReview> complete(ScheduleReview command) {
        if (command.questionForPanel() != null) {
            return Mono.just(command);
        }
        return questions.findById(command.caseId()).map(known -> known.askedIn(command))
                .switchIfEmpty(Mono.error(() -> new CaseNotSubmittedYet(command.caseId())));
    }
}
