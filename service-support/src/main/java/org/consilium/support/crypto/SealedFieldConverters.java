package org.consilium.support.crypto;

import org.bson.Document;
import org.consilium.events.MessageType;
import org.consilium.events.Recipient;
import org.consilium.support.outbox.OutboxEntry;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Mongo mapping of the types that carry personal data in every service: an outbox entry's
 * payload (the whole event: contact, parties, report content) and a recipient's name and address.
 * The fields queries use (event id, type, case id, language) stay readable.
 */
public final class SealedFieldConverters {
    static final String OUTBOX_PAYLOAD = "outbox.payload";
    static final String RECIPIENT_NAME = "recipient.name";
    static final String RECIPIENT_EMAIL = "recipient.email";

    private SealedFieldConverters() {
    }

    public static List<Converter<?, ?>> all(FieldCipher cipher) {
        return all(cipher, () -> null);
    }

    /** @param currentTraceparent the span an outbox entry is written in (CurrentTraceparent), null outside one */
    public static List<Converter<?, ?>> all(FieldCipher cipher, Supplier<String> currentTraceparent) {
        return List.of(new OutboxEntryWriter(cipher, currentTraceparent), new OutboxEntryReader(cipher),
                new RecipientWriter(cipher), new RecipientReader(cipher));
    }

    /** What the outbox relay reads from a raw document. */
    public static OutboxEntry outboxEntry(Document d, FieldCipher cipher) {
        Date time = d.getDate("time");
        return new OutboxEntry(d.getString("eventId"), MessageType.valueOf(d.getString("type")), d.getString("caseId"),
                time == null ? null : time.toInstant(), cipher.open(d.getString("payload"), OUTBOX_PAYLOAD),
                d.getString("traceparent"));
    }

    @WritingConverter
    record OutboxEntryWriter(FieldCipher cipher, Supplier<String> currentTraceparent)
            implements Converter<OutboxEntry, Document> {
        @Override
        public Document convert(OutboxEntry entry) {
            // every save and $push of an outbox entry passes here: the one place that sees the write's span
            // (an entry read back keeps the span it was first written in)
            String traceparent = entry.traceparent() != null ? entry.traceparent() : currentTraceparent.get();
            Document d = new Document("eventId", entry.eventId())
                    .append("type", entry.type() == null ? null : entry.type().name())
                    .append("caseId", entry.caseId())
                    .append("time", entry.time() == null ? null : Date.from(entry.time()))
                    .append("payload", cipher.seal(entry.payload(), OUTBOX_PAYLOAD));
            if (traceparent != null) {
                d.append("traceparent", traceparent);
            }
            return d;
        }
    }

    @ReadingConverter
    record OutboxEntryReader(FieldCipher cipher) implements Converter<Document, OutboxEntry> {
        @Override
        public OutboxEntry convert(Document d) {
            return outboxEntry(d, cipher);
        }
    }

    @WritingConverter
    record RecipientWriter(FieldCipher cipher) implements Converter<Recipient, Document> {
        @Override
        public Document convert(Recipient r) {
            return new Document("name", cipher.seal(r.name(), RECIPIENT_NAME))
                    .append("email", cipher.seal(r.email(), RECIPIENT_EMAIL))
                    .append("language", r.language());
        }
    }

    @ReadingConverter
    record RecipientReader(FieldCipher cipher) implements Converter<Document, Recipient> {
        @Override
        public Recipient convert(Document d) {
            return new Recipient(cipher.open(d.getString("name"), RECIPIENT_NAME),
                    cipher.open(d.getString("email"), RECIPIENT_EMAIL), d.getString("language"));
        }
    }
}
