package org.consilium.console.caseview;

import java.util.function.Consumer;

import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The binding {@code caseEvents-in-0} (application.yaml): every topic of a case, read by the group {@code console}.
 * Waits for the store on the binder's thread, so the offset is committed only after the case is stored.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumer {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CaseProjection projection) {
        return InboundMessages.consumer(projection::apply);
    }
}
