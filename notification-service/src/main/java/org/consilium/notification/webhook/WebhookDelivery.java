package org.consilium.notification.webhook;

import org.consilium.events.Envelope;
import org.consilium.notification.delivery.DeliveryPurpose;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * One event posted to one subscriber, recorded (PENDING) before any attempt so that a restart resumes it.
 * Its id is derived from the command and the subscription: a redelivered command finds it instead of adding
 * a second one, and receivers de-duplicate on it (the {@code Consilium-Webhook-Id} header), which is what
 * makes the rare resend after a crash mid-attempt harmless.
 */
@Document("webhook_deliveries")
// the posts now due and the ones stuck sending (WebhookDispatcher, every second)
@CompoundIndex(name = "state_next_attempt", def = "{'state': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "state_last_attempt", def = "{'state': 1, 'lastAttemptAt': 1}")
public class WebhookDelivery {
    @Id
    private final String id;
    @Version
    private Long version;
    @Indexed
    private final String subscriptionId;
    @Indexed
    private final String caseId;
    private final String commandId;
    private final DeliveryPurpose purpose;
    private final String url;
    /** The exact JSON posted on every attempt. */
    private final String body;
    @Indexed
    private WebhookState state;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lastAttemptAt;
    private Integer lastStatus;
    private String lastError;
    private Instant deliveredAt;
    private final Instant createdAt;

    @PersistenceCreator
    WebhookDelivery(String id, Long version, String subscriptionId, String caseId, String commandId, DeliveryPurpose purpose,
                    String url, String body, WebhookState state, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                    Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt) {
        this.id = id;
        this.version = version;
        this.subscriptionId = subscriptionId;
        this.caseId = caseId;
        this.commandId = commandId;
        this.purpose = purpose;
        this.url = url;
        this.body = body;
        this.state = state;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastAttemptAt = lastAttemptAt;
        this.lastStatus = lastStatus;
        this.lastError = lastError;
        this.deliveredAt = deliveredAt;
        this.createdAt = createdAt;
    }

    /** The event for one subscriber, due at once. */
    public static WebhookDelivery create(String subscriptionId, String url, WebhookEvent event, Instant now) {
        String id = Envelope.derivedId(event.commandId(), "webhook", subscriptionId);
        return new WebhookDelivery(id, null, subscriptionId, event.caseId(), event.commandId(), event.purpose(), url,
                WebhookPayload.json(id, event), WebhookState.PENDING, 0, now, null, null, null, null, now);
    }

    void startAttempt(Instant now) {
        require(WebhookState.PENDING);
        state = WebhookState.SENDING;
        attempts++;
        lastAttemptAt = now;
    }

    void delivered(int status, Instant now) {
        require(WebhookState.SENDING);
        state = WebhookState.DELIVERED;
        lastStatus = status;
        lastError = null;
        nextAttemptAt = null;
        deliveredAt = now;
    }

    /** The attempt failed: due again at {@code retryAt}, or FAILED for good when that is empty. */
    void attemptFailed(WebhookResponse response, Optional<Instant> retryAt) {
        require(WebhookState.SENDING);
        lastStatus = response.status();
        lastError = response.error();
        state = retryAt.isPresent() ? WebhookState.PENDING : WebhookState.FAILED;
        nextAttemptAt = retryAt.orElse(null);
    }

    /** The attempt started at {@code lastAttemptAt} recorded no outcome: its sender died. Try again. */
    void stuck(Instant now) {
        require(WebhookState.SENDING);
        state = WebhookState.PENDING;
        lastError = "attempt " + attempts + " started at " + lastAttemptAt + " recorded no outcome; sent again with "
                + "the same id, for the receiver to de-duplicate";
        nextAttemptAt = now;
    }

    void cancelled(String reason) {
        require(WebhookState.PENDING);
        state = WebhookState.CANCELLED;
        lastError = reason;
        nextAttemptAt = null;
    }

    private void require(WebhookState expected) {
        if (state != expected) {
            throw new IllegalStateException("webhook delivery " + id + " is " + state + ", not " + expected);
        }
    }

    public String id() {
        return id;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String caseId() {
        return caseId;
    }

    public String commandId() {
        return commandId;
    }

    public DeliveryPurpose purpose() {
        return purpose;
    }

    public String url() {
        return url;
    }

    String body() {
        return body;
    }

    public WebhookState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Optional<Integer> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
