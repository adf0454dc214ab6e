package org.consilium.mdt.submission;

import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * Binding {@code caseEvents-in-0} ({@code consilium.case.events}): CaseSubmitted (the question, and the consent to
 * cross-border transfer) and ConsentChanged (that consent, later); the other case events are not ours.
 */
@Configuration
class CaseEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> caseEvents(SubmittedQuestions questions, CrossBorderConsents consents,
                                         AfterSubmission after) {
        return InboundMessages.consumer(event -> switch (event.type()) {
            // the consent first: a ScheduleReview waits for the question, so once a gap exists its consent is known;
            // each write skips an event it applied, so a retry after the first succeeded applies the second only
            // then a ScheduleReview that came first (parked) is applied
            case CASE_SUBMITTED -> consents.submitted(event).then(questions.keep(event)).then(after.submitted(event.caseId()));
            case CONSENT_CHANGED -> consents.changed(event);
            default -> Mono.empty();
        });
    }
}
