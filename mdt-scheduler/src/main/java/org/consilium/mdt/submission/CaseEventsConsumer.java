package org.consilium.mdt.submission;

import org.consilium.support.inbound.InboundMessages;
import org.consilium.support.parking.ParkedMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * Binding {@code caseEvents-in-0} ({@code consilium.case.events}): CaseSubmitted (the question, and the consent to
 * cross-border transfer) and ConsentChanged (that consent, later); the other case events are not ours. Once one is
 * applied, a ScheduleReview of the case that came first (parked: CaseNotSubmittedYet) is applied.
 */
@Configuration
class CaseEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> caseEvents(SubmittedQuestions questions, CrossBorderConsents consents,
                                         ParkedMessages parking) {
        return InboundMessages.consumer(event -> (switch (event.type()) {
            // the consent first: a ScheduleReview waits for the question, so once a gap exists its consent is known;
            // each write skips an event it applied, so a retry after the first succeeded applies the second only
            case CASE_SUBMITTED -> consents.submitted(event).then(questions.keep(event));
            case CONSENT_CHANGED -> consents.changed(event);
            default -> Mono.empty();
        }).then(parking.release(event.caseId())));
    }
}
