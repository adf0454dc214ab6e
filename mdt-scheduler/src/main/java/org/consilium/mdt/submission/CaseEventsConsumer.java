package org.consilium.mdt.submission;

import org.consilium.events.MessageType;
import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/** Binding {@code caseEvents-in-0} ({@code consilium.case.events}): CaseSubmitted; the other case events are not ours. */
@Configuration
class CaseEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> caseEvents(SubmittedQuestions questions) {
        return InboundMessages.consumer(event -> event.type() == MessageType.CASE_SUBMITTED ? questions.keep(event)
                : Mono.empty());
    }
}
