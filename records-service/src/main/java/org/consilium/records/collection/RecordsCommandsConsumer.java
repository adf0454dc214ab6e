package org.consilium.records.collection;

import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Binding {@code recordsCommands-in-0}: the commands on {@code consilium.records.commands}. */
@Configuration
public class RecordsCommandsConsumer {

    @Bean
    public Consumer<Message<byte[]>> recordsCommands(CaseRecordsCommands commands) {
        return InboundMessages.consumer(commands::apply);
    }
}
