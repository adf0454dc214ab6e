package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.Json;
import org.consilium.events.Recipient;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Who gets a follow-up answer (the patient's or caregiver's name and address) is sealed at rest with
 * this service's keyset, like every outbox entry (ADR 12): the only recipient this service keeps.
 */
@Configuration(proxyBeanMethods = false)
class SealedReplies {
    static final String CONTEXT = "FollowUpQuestion.replyTo";

    @Bean
    SealedConverters followUpReplies() {
        return cipher -> List.of(new Writer(cipher), new Reader(cipher));
    }

    @WritingConverter
    record Writer(FieldCipher cipher) implements Converter<Recipient, Document> {
        @Override
        public Document convert(Recipient recipient) {
            return new Document("sealed", cipher.seal(new String(Json.write(recipient), StandardCharsets.UTF_8), CONTEXT));
        }
    }

    @ReadingConverter
    record Reader(FieldCipher cipher) implements Converter<Document, Recipient> {
        @Override
        public Recipient convert(Document stored) {
            String sealed = stored.getString("sealed");
            return sealed == null ? null
                    : Json.read(cipher.open(sealed, CONTEXT).getBytes(StandardCharsets.UTF_8), Recipient.class);
        }
    }
}
