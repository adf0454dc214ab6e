package org.consilium.mdt.review;

import org.consilium.support.parking.ParkedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/** The consumer of {@code consilium.mdt.commands}: ScheduleReview and CancelCase. */
@Configuration
class MdtCommandsConsumer {
    private static final Logger log = LoggerFactory.getLogger(MdtCommandsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> mdtCommands(ReviewScheduling scheduling, ReviewCancellation cancellation,
                                          ParkedMessages parking) {
        // a ScheduleReview that overtook its case's CaseSubmitted is parked until it comes (CaseNotSubmittedYet)
        return parking.consumer("mdtCommands-in-0", envelope -> switch (envelope.type()) {
            case SCHEDULE_REVIEW -> scheduling.apply(envelope);
            case CANCEL_CASE -> cancellation.apply(envelope);
            default -> {
                log.warn("ignoring {} {}: not a command for mdt-scheduler", envelope.type().messageName(), envelope.id());
                yield Mono.empty();
            }
        });
    }
}
