package org.consilium.notification.delivery;

import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** {@code notificationCommands-in-0} is bound to {@code consilium.notification.commands} in application.yaml. */
@Configuration(proxyBeanMethods = false)
class NotificationCommandsBinding {

    @Bean
    Consumer<Message<byte[]>> notificationCommands(Deliveries deliveries) {
        return InboundMessages.consumer(deliveries::deliver);
    }
}
