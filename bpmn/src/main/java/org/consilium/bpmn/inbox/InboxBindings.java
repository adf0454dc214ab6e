package org.consilium.bpmn.inbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * One functional consumer per consumed topic (bindings, group, retries and dead-letter topics in
 * application.yaml), all storing into the same inbox.
 */
@Configuration(proxyBeanMethods = false)
class InboxBindings {

    @Bean
    Consumer<Message<byte[]>> caseEvents(Inbox inbox) {
        return inbox::accept;
    }

    @Bean
    Consumer<Message<byte[]>> recordsEvents(Inbox inbox) {
        return inbox::accept;
    }

    @Bean
    Consumer<Message<byte[]>> mdtEvents(Inbox inbox) {
        return inbox::accept;
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents(Inbox inbox) {
        return inbox::accept;
    }

    /** CaseStepFailed reported by any service. */
    @Bean
    Consumer<Message<byte[]>> caseFailures(Inbox inbox) {
        return inbox::accept;
    }

    /** The dead letters of case commands and of the engine's own events, as CaseStepFailed. */
    @Bean
    Consumer<Message<byte[]>> stalledSteps(DeadLetterIntake intake) {
        return intake::accept;
    }
}
