package org.consilium.intake.progress;

import org.consilium.intake.request.CaseRequests;
import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Keeps each case's stage current from the facts every other context publishes. */
@Configuration
public class CaseProgressConsumer {

    @Bean
    public Consumer<Message<byte[]>> caseProgress(CaseRequests requests) {
        return InboundMessages.consumer(requests::apply);
    }
}
