package org.consilium.mdt.review;

public enum ReviewStatus {
    /** On a session with a panel; opinions are being collected. */
    SCHEDULED,
    /** The chair signed the consensus. */
    CONCLUDED,
    /** The case was withdrawn; nothing more is accepted. */
    CANCELLED
}
