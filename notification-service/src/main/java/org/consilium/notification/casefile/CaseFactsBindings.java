package org.consilium.notification.casefile;

import org.consilium.support.inbound.InboundMessages;
import org.consilium.support.parking.ParkedMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * {@code caseEvents-in-0} (intake's {@code consilium.case.events}: CaseSubmitted, ConsentChanged) and
 * {@code mdtEvents-in-0} ({@code consilium.mdt.events}: ReportReleased) feed {@link CaseFacts}; bound in
 * application.yaml. Each applied event releases the case's commands parked until it came.
 */
@Configuration(proxyBeanMethods = false)
class CaseFactsBindings {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CaseFacts facts, ParkedMessages parking) {
        return InboundMessages.consumer(event -> facts.apply(event).then(parking.release(event.caseId())));
    }

    @Bean
    Consumer<Message<byte[]>> mdtEvents(CaseFacts facts, ParkedMessages parking) {
        return InboundMessages.consumer(event -> facts.apply(event).then(parking.release(event.caseId())));
    }
}
