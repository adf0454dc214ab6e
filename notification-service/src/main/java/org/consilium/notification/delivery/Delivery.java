package org.consilium.notification.delivery;

import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.NotificationDelivered;
import org.consilium.events.Recipient;
import org.consilium.events.ReportDelivered;
import org.consilium.notification.inbox.InboxEntry;
import org.consilium.notification.mail.Attachment;
import org.consilium.notification.mail.RenderedMail;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.problem.DomainProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * The one email that answers one command, identified by the command envelope's id. It is claimed
 * (inserted SENDING) before SMTP is touched, so a redelivered command always finds it; SENT and the
 * delivered event are written in one save. Because the id is the command id, the document itself
 * is the record of the applied command (no separate {@code appliedEvents}).
 */
@Document("deliveries")
// a case's deliveries, in order (Deliveries.list, with or without a state)
@CompoundIndex(name = "case_claimed", def = "{'caseId': 1, 'claimedAt': 1}")
// the deliveries in a state, in order; the counts by state (DeliveryMetrics)
@CompoundIndex(name = "state_claimed", def = "{'state': 1, 'claimedAt': 1}")
// the deferred ones now due (quiet hours), the sends that stopped half-way (SENDING too long)
@CompoundIndex(name = "state_not_before", def = "{'state': 1, 'notBefore': 1}")
@CompoundIndex(name = "state_last_attempt", def = "{'state': 1, 'lastAttemptAt': 1}")
// the in-app inbox's feed, every second: sent and not yet inboxed (inboxed first: "not true" skips the done ones)
@CompoundIndex(name = "inboxed_state", def = "{'inboxed': 1, 'state': 1}")
public class Delivery {
    @Id
    private final String id;
    @Version
    private Long version;
    @Indexed
    private final String caseId;
    private final DeliveryPurpose purpose;
    private final Recipient recipient;
    @Indexed
    private final String messageId;
    private String language;
    private String subject;
    /** The plain-text body as last rendered: what the in-app inbox shows. */
    private String text;
    /** The file names attached to the email (report PDFs, calendar entry), as last rendered. */
    private List<String> attachments;
    private DeliveryState state;
    private int attempts;
    private String lastError;
    private final Instant claimedAt;
    private Instant lastAttemptAt;
    private Instant sentAt;
    private Instant bouncedAt;
    /** For a DEFERRED delivery: not sent before this instant (the end of the recipient's quiet hours). */
    private Instant notBefore;
    /** Set when the delivery was deferred or an operator had it re-sent: the command, for the scheduled job to send. */
    private DeferredCommand deferred;
    /** The command this answers, kept so an operator can have the email re-sent (absent on older documents). */
    private final DeferredCommand command;
    /** What operators decided about this delivery when it was UNCONFIRMED, oldest first. */
    private final List<Resolution> resolutions;
    /** True once the delivered message is in the recipient's in-app inbox: set in the save that records SENT, or
     *  by {@code InboxFeed} when that could not add it. */
    private boolean inboxed;
    private final List<OutboxEntry> outbox;

    @PersistenceCreator
    Delivery(String id, Long version, String caseId, DeliveryPurpose purpose, Recipient recipient, String messageId,
             String language, String subject, String text, List<String> attachments, DeliveryState state, int attempts,
             String lastError, Instant claimedAt, Instant lastAttemptAt, Instant sentAt, Instant bouncedAt, Instant notBefore,
             DeferredCommand deferred, DeferredCommand command, List<Resolution> resolutions, boolean inboxed,
             List<OutboxEntry> outbox) {
        this.id = id;
        this.version = version;
        this.caseId = caseId;
        this.purpose = purpose;
        this.recipient = recipient;
        this.messageId = messageId;
        this.language = language;
        this.subject = subject;
        this.text = text;
        this.attachments = attachments == null ? List.of() : List.copyOf(attachments);
        this.state = state;
        this.attempts = attempts;
        this.lastError = lastError;
        this.claimedAt = claimedAt;
        this.lastAttemptAt = lastAttemptAt;
        this.sentAt = sentAt;
        this.bouncedAt = bouncedAt;
        this.notBefore = notBefore;
        this.deferred = deferred;
        this.command = command;
        this.resolutions = new ArrayList<>(resolutions == null ? List.of() : resolutions);
        this.inboxed = inboxed;
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
    }

    /** First attempt at a command: SENDING, to be inserted before the email goes to SMTP. */
    public static Delivery claim(Envelope command, DeliveryPurpose purpose, Recipient recipient,
                                 String messageId, RenderedMail mail, Instant now) {
        return new Delivery(command.id(), null, command.caseId(), purpose, recipient, messageId, mail.language(),
                mail.subject(), mail.text(), fileNames(mail), DeliveryState.SENDING, 1, null, now, now, null, null, null, null,
                DeferredCommand.of(command), null, false, null);
    }

    /** A command that arrived in the recipient's quiet hours: stored with its command, sent from {@code notBefore}. */
    public static Delivery defer(Envelope command, DeliveryPurpose purpose, Recipient recipient, String messageId,
                                 RenderedMail mail, Instant now, Instant notBefore) {
        DeferredCommand stored = DeferredCommand.of(command);
        return new Delivery(command.id(), null, command.caseId(), purpose, recipient, messageId, mail.language(),
                mail.subject(), mail.text(), fileNames(mail), DeliveryState.DEFERRED, 0, null, now, null, null, null, notBefore,
                stored, stored, null, false, null);
    }

    /**
     * An operator checked an UNCONFIRMED email and says it arrived: SENT, with the delivered event the
     * process waits for, in one save. Nothing is sent.
     */
    void confirmDelivered(Resolution resolution) {
        requireUnconfirmed(resolution);
        resolutions.add(resolution);
        state = DeliveryState.SENT;
        sentAt = resolution.at();
        outbox.add(OutboxEntry.of(deliveredEvent(sentAt), Envelope.derivedId(id, "delivered"), sentAt));
    }

    /**
     * An operator checked an UNCONFIRMED email and says it did not arrive: hand it to the deferred-delivery
     * job, due now, which claims it SENDING before SMTP exactly like a first attempt (ADR 0004).
     */
    void resend(Resolution resolution) {
        requireUnconfirmed(resolution);
        if (command == null) {
            throw DomainProblem.conflict("command-not-stored", "delivery " + id + " predates stored commands and cannot "
                    + "be re-sent from here; replay its command from the dead-letter topic or the process instead");
        }
        resolutions.add(resolution);
        deferred = command;
        state = DeliveryState.DEFERRED;
        notBefore = resolution.at();
    }

    /**
     * The recipient's mail system reported it permanently undeliverable. From SENT, or from UNCONFIRMED (a
     * bounce also settles that the server had taken it). Returns false when it was already BOUNCED.
     */
    boolean bounced(String reason, Instant now) {
        if (state == DeliveryState.BOUNCED) {
            return false;
        }
        if (state != DeliveryState.SENT && state != DeliveryState.UNCONFIRMED) {
            throw DomainProblem.conflict("delivery-not-sent", "delivery " + id + " is " + state
                    + "; only a SENT or UNCONFIRMED email can bounce");
        }
        state = DeliveryState.BOUNCED;
        lastError = reason;
        bouncedAt = now;
        return true;
    }

    private void requireUnconfirmed(Resolution resolution) {
        if (state != DeliveryState.UNCONFIRMED) {
            throw DomainProblem.conflict("delivery-not-unconfirmed", "delivery " + id + " is " + state
                    + "; only an UNCONFIRMED delivery can be resolved (" + resolution.outcome() + ")");
        }
    }

    /** The quiet hours are over: claim it for sending, as a first attempt would. */
    void release(RenderedMail mail, Instant now) {
        require(DeliveryState.DEFERRED);
        startAttempt(mail, now);
    }

    /** SMTP certainly failed for a deferred delivery: the job tries again from {@code later}. */
    void deferAgain(Instant later) {
        require(DeliveryState.FAILED);
        state = DeliveryState.DEFERRED;
        notBefore = later;
    }

    /** Another attempt after SMTP certainly failed. */
    void retry(RenderedMail mail, Instant now) {
        require(DeliveryState.FAILED);
        startAttempt(mail, now);
    }

    /** Claims the delivery for one more SMTP attempt with the mail as rendered now. */
    private void startAttempt(RenderedMail mail, Instant now) {
        language = mail.language();
        subject = mail.subject();
        text = mail.text();
        attachments = fileNames(mail);
        state = DeliveryState.SENDING;
        attempts++;
        lastAttemptAt = now;
    }

    /**
     * SMTP accepted the email: record it and the event that tells the process, together. Sent by the deferred job
     * (which runs in no trace), the event continues the deferred command's trace; else the consumer's span's.
     */
    void sent(Instant now) {
        require(DeliveryState.SENDING);
        state = DeliveryState.SENT;
        sentAt = now;
        inboxed = false;
        lastError = null;
        outbox.add(OutboxEntry.of(deliveredEvent(now), Envelope.derivedId(id, "delivered"), now)
                .inTrace(deferred == null ? null : deferred.traceparent()));
    }

    /** What the recipient's in-app inbox shows of this delivery; {@link #id} makes adding it twice harmless. */
    InboxEntry inboxEntry() {
        return new InboxEntry(id, recipient.email(), caseId, purpose, language, subject, text, attachments,
                sentAt == null ? lastAttemptAt : sentAt);
    }

    /** Its inbox entry is stored: the inbox feed (the safety net for a crash before this) passes it over. */
    void inboxed() {
        require(DeliveryState.SENT);
        inboxed = true;
    }

    void failed(String error, Instant now) {
        require(DeliveryState.SENDING);
        state = DeliveryState.FAILED;
        lastError = error;
        lastAttemptAt = now;
    }

    /** The outcome of the last attempt is unknown: do not send again, leave it to an operator. */
    void unconfirmed(String reason, Instant now) {
        require(DeliveryState.SENDING);
        state = DeliveryState.UNCONFIRMED;
        lastError = reason;
        lastAttemptAt = now;
    }

    private static List<String> fileNames(RenderedMail mail) {
        return mail.attachments().stream().map(Attachment::fileName).toList();
    }

    private CaseMessage deliveredEvent(Instant now) {
        // only the contact's delivery is the one the process waits for; a copy is a notification like any other
        return purpose == DeliveryPurpose.REPORT
                ? new ReportDelivered(caseId, id, now)
                : new NotificationDelivered(caseId, id, purpose.notificationPurpose(), now);
    }

    private void require(DeliveryState expected) {
        if (state != expected) {
            throw new IllegalStateException("delivery " + id + " is " + state + ", not " + expected);
        }
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public DeliveryPurpose purpose() {
        return purpose;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String messageId() {
        return messageId;
    }

    public String language() {
        return language;
    }

    public String subject() {
        return subject;
    }

    public List<String> attachments() {
        return attachments;
    }

    public DeliveryState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<Instant> bouncedAt() {
        return Optional.ofNullable(bouncedAt);
    }

    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    public String text() {
        return text == null ? "" : text;
    }

    public List<Resolution> resolutions() {
        return List.copyOf(resolutions);
    }

    Optional<DeferredCommand> deferredCommand() {
        return Optional.ofNullable(deferred);
    }

    List<OutboxEntry> pendingEvents() {
        return List.copyOf(outbox);
    }
}
