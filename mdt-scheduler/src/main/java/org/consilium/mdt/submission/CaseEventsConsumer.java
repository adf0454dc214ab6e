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
    Consumer<Message<byte[]>> caseEvents(SubmittedQuestions questions, CrossBorderConsents consents) {
        return InboundMessages.consumer(event -> switch (event.type()) {
            // each write skips an event it applied, so a retry after the first succeeded applies the second only
            case CASE_SUBMITTED -> questions.keep(event).then(consents.submitted(event));
            case CONSENT_CHANGED -> consents.changed(event);
            default -> Mono.empty();
        });
    }
}
