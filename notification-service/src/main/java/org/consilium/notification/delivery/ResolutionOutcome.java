package org.consilium.notification.delivery;

/** What an operator found out about an UNCONFIRMED email. */
public enum ResolutionOutcome {
    /** It arrived: mark it SENT and tell the process; nothing is sent again. */
    DELIVERED,
    /** It did not arrive: send it again, once, through the same claim-then-send path. */
    RESEND
}
