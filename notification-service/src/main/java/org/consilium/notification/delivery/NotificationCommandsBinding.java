package org.consilium.notification.delivery;

import org.consilium.notification.casefile.Addressing;
import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * {@code notificationCommands-in-0} is bound to {@code consilium.notification.commands} in application.yaml. A command
 * that names a role becomes one delivery per reader ({@link Addressing}), each once, one after the other: a failed
 * one fails the command, and its redelivery finds the others done.
 */
@Configuration(proxyBeanMethods = false)
class NotificationCommandsBinding {

    @Bean
    Consumer<Message<byte[]>> notificationCommands(Addressing addressing, Deliveries deliveries) {
        return InboundMessages.consumer(command -> addressing.readers(command).concatMap(deliveries::deliver).then());
    }
}
