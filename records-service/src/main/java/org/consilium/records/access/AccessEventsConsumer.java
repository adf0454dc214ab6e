package org.consilium.records.access;

import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Binding {@code mdtEvents-in-0} ({@code consilium.mdt.events}): the panel that may see a case
 * ({@code MdtScheduled}) and the end of its review ({@code ReportReleased}). The case events that
 * name its people and consents arrive on {@code caseEvents-in-0} (see {@code intake.IntakeDocumentsConfiguration}).
 */
@Configuration
public class AccessEventsConsumer {

    @Bean
    public Consumer<Message<byte[]>> mdtEvents(CaseAccessProjections projections) {
        return InboundMessages.consumer(projections::apply);
    }
}
