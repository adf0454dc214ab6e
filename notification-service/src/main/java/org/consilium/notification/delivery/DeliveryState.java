package org.consilium.notification.delivery;

/**
 * Where one command's email stands. DEFERRED, SENDING and FAILED move on by themselves; UNCONFIRMED waits for
 * an operator; SENT may still turn BOUNCED; BOUNCED is final.
 */
public enum DeliveryState {
    /**
     * Held for the recipient's quiet hours until {@code notBefore}; the command is stored with it and the
     * scheduled job sends it (claiming it SENDING first, exactly like a first attempt).
     */
    DEFERRED,
    /** Claimed before talking to SMTP; an outcome is being waited for. Found on redelivery, it means the sender died. */
    SENDING,
    /** The SMTP server accepted the email; the delivered event was stored with this state. */
    SENT,
    /** SMTP certainly did not take the email; the command is retried, then dead-lettered. */
    FAILED,
    /** The email may or may not have gone out; never resent automatically, an operator confirms it or has it re-sent. */
    UNCONFIRMED,
    /** The recipient's mail system reported it permanently undeliverable (a 5.x.x DSN) after it was sent. */
    BOUNCED
}
