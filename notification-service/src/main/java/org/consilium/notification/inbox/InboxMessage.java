package org.consilium.notification.inbox;

import org.consilium.notification.delivery.DeliveryPurpose;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A delivered notification in its recipient's in-app inbox. The id is the delivery's (the command's), so a
 * notification lands once however often it is fed. Users are keyed by their email address, lower-cased,
 * until the OAuth2 issue gives them an identity.
 */
@Document("inbox")
@CompoundIndex(name = "user_newest_first", def = "{'user': 1, 'deliveredAt': -1}")
public class InboxMessage {
    @Id
    private final String id;
    @Version
    private Long version;
    private final String user;
    private final String caseId;
    private final DeliveryPurpose purpose;
    private final String language;
    private final String subject;
    private final String text;
    private final List<String> attachments;
    private final Instant deliveredAt;
    private Instant readAt;

    @PersistenceCreator
    InboxMessage(String id, Long version, String user, String caseId, DeliveryPurpose purpose, String language, String subject,
                 String text, List<String> attachments, Instant deliveredAt, Instant readAt) {
        this.id = id;
        this.version = version;
        this.user = user;
        this.caseId = caseId;
        this.purpose = purpose;
        this.language = language;
        this.subject = subject;
        this.text = text;
        this.attachments = attachments == null ? List.of() : List.copyOf(attachments);
        this.deliveredAt = deliveredAt;
        this.readAt = readAt;
    }

    static InboxMessage of(InboxEntry entry) {
        return new InboxMessage(entry.deliveryId(), null, userKey(entry.recipientEmail()), entry.caseId(), entry.purpose(),
                entry.language(), entry.subject(), entry.text(), entry.attachments(), entry.deliveredAt(), null);
    }

    static String userKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Idempotent: the first read is the one remembered. */
    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String user() {
        return user;
    }

    public String caseId() {
        return caseId;
    }

    public DeliveryPurpose purpose() {
        return purpose;
    }

    public String language() {
        return language;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public List<String> attachments() {
        return attachments;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }
}
