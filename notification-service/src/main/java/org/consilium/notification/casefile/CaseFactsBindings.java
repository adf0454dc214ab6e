package org.consilium.notification.casefile;

import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * {@code caseEvents-in-0} (intake's {@code consilium.case.events}: CaseSubmitted, ConsentChanged) and
 * {@code mdtEvents-in-0} ({@code consilium.mdt.events}: ReportReleased) feed {@link CaseFacts}; bound in
 * application.yaml.
 */
@Configuration(proxyBeanMethods = false)
class CaseFactsBindings {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CaseFacts facts) {
        return InboundMessages.consumer(facts::apply);
    }

    @Bean
    Consumer<Message<byte[]>> mdtEvents(CaseFacts facts) {
        return InboundMessages.consumer(facts::apply);
    }
}
