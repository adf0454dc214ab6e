package org.consilium.notification.webhook;

/** Where one event's post to one subscriber stands. PENDING and SENDING move on; the others are final. */
public enum WebhookState {
    /** Recorded before any attempt; due at {@code nextAttemptAt} (at once, or after a back-off). */
    PENDING,
    /** An attempt is under way. Found later than {@code stuck-after}, the sender died: it is made PENDING again. */
    SENDING,
    /** The subscriber answered 2xx. */
    DELIVERED,
    /** The subscriber refused it (4xx other than 408/429, or a redirect), or every attempt failed. */
    FAILED,
    /** The subscription was deleted before the event could be delivered. */
    CANCELLED
}
