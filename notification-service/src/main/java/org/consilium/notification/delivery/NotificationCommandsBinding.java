package org.consilium.notification.delivery;

import org.consilium.notification.casefile.Addressing;
import org.consilium.support.parking.ParkedMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * {@code notificationCommands-in-0} is bound to {@code consilium.notification.commands} in application.yaml. A command
 * that names a role becomes one delivery per reader ({@link Addressing}), each once, one after the other: a failed
 * one fails the command, and its redelivery finds the others done. A command that overtook its case's CaseSubmitted
 * or ReportReleased is parked until that event is applied (CaseNotKnownYet), holding no other case's command back.
 */
@Configuration(proxyBeanMethods = false)
class NotificationCommandsBinding {

    @Bean
    Consumer<Message<byte[]>> notificationCommands(Addressing addressing, Deliveries deliveries,
                                                  ParkedMessages parking) {
        return parking.consumer("notificationCommands-in-0", command -> addressing.readers(command).concatMap(deliveries::deliver).then());
    }
}
