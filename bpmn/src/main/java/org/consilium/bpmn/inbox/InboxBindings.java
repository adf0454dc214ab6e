package org.consilium.bpmn.inbox;

import org.consilium.bpmn.passes.PassLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One functional consumer per consumed topic (bindings, group, retries and dead-letter topics in
 * application.yaml), all storing into the same inbox, and the correlator's passes that apply what they stored.
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

    /**
     * The correlator: a pass as soon as an event is stored (and committed), else every {@code consilium.inbox.poll-interval}
     * for events whose back-off ended (one that arrived before its wait state).
     */
    @Bean
    PassLoop inboxCorrelation(InboxCorrelator correlator, Inbox inbox, InboxProperties properties,
                              @Value("${consilium.inbox.initial-delay:1s}") Duration initialDelay,
                              @Value("${consilium.outbox.push:true}") boolean push) {
        return new PassLoop("inbox-correlator", correlator::applyDue, inbox.arrivals(), properties.pollInterval(),
                initialDelay, push);
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
