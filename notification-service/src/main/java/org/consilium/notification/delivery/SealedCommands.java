package org.consilium.notification.delivery;

import org.bson.Document;
import org.consilium.events.MessageType;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import java.util.Date;
import java.util.List;

/**
 * A delivery keeps the command it answers (for deferred sends and operator re-sends): for a report
 * that is the released report itself and the patient's name and address, so its payload is sealed
 * at rest like the outbox (issue 6).
 */
@Configuration(proxyBeanMethods = false)
class SealedCommands {
    static final String CONTEXT = "delivery.command.payload";

    @Bean
    SealedConverters deferredCommandConverters() {
        return cipher -> List.of(new Writer(cipher), new Reader(cipher));
    }

    @WritingConverter
    record Writer(FieldCipher cipher) implements Converter<DeferredCommand, Document> {
        @Override
        public Document convert(DeferredCommand command) {
            return new Document("type", command.type() == null ? null : command.type().name())
                    .append("source", command.source())
                    .append("time", command.time() == null ? null : Date.from(command.time()))
                    .append("payload", cipher.seal(command.payload(), CONTEXT));
        }
    }

    @ReadingConverter
    record Reader(FieldCipher cipher) implements Converter<Document, DeferredCommand> {
        @Override
        public DeferredCommand convert(Document d) {
            Date time = d.getDate("time");
            return new DeferredCommand(d.getString("type") == null ? null : MessageType.valueOf(d.getString("type")),
                    d.getString("source"), time == null ? null : time.toInstant(), cipher.open(d.getString("payload"), CONTEXT));
        }
    }
}
