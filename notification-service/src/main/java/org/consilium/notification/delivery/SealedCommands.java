package org.consilium.notification.delivery;

import org.bson.Document;
import org.consilium.events.MessageType;
import org.consilium.notification.inbox.InboxMessage;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.PropertyValueConverterRegistrar;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.Date;
import java.util.List;

/**
 * A delivery keeps the command it answers (for deferred sends and operator re-sends): for a report
 * that is the released report itself and the patient's name and address, so its payload is sealed
 * at rest like the outbox (issue 6). So are the rendered subject and body, in the delivery and in the
 * recipient's in-app inbox (they greet the patient by name and speak of their case).
 */
@Configuration(proxyBeanMethods = false)
class SealedCommands {
    static final String CONTEXT = "delivery.command.payload";

    @Bean
    SealedConverters deliveryTexts() {
        return new SealedConverters() {
            @Override
            public List<?> converters(FieldCipher cipher) {
                return List.of(new Writer(cipher), new Reader(cipher));
            }

            @Override
            public void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
                for (Class<?> type : List.of(Delivery.class, InboxMessage.class)) {
                    SealedConverters.sealed(cipher, properties, type, "subject");
                    SealedConverters.sealed(cipher, properties, type, "text");
                }
            }
        };
    }

    @WritingConverter
    record Writer(FieldCipher cipher) implements Converter<DeferredCommand, Document> {
        @Override
        public Document convert(DeferredCommand command) {
            return new Document("type", command.type() == null ? null : command.type().name())
                    .append("source", command.source())
                    .append("time", command.time() == null ? null : Date.from(command.time()))
                    .append("payload", cipher.seal(command.payload(), CONTEXT))
                    .append("traceparent", command.traceparent());
        }
    }

    @ReadingConverter
    record Reader(FieldCipher cipher) implements Converter<Document, DeferredCommand> {
        @Override
        public DeferredCommand convert(Document d) {
            Date time = d.getDate("time");
            return new DeferredCommand(d.getString("type") == null ? null : MessageType.valueOf(d.getString("type")),
                    d.getString("source"), time == null ? null : time.toInstant(), cipher.open(d.getString("payload"), CONTEXT),
                    d.getString("traceparent"));
        }
    }
}
