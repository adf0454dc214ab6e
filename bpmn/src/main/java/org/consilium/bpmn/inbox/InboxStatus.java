package org.consilium.bpmn.inbox;

/** Life of an inbox row: pending until applied, or until it can never apply (ended case, expiry, repeated failure). */
public enum InboxStatus {
    /** Stored, not yet applied: no execution waited for it yet, or an earlier event of the case is pending. */
    PENDING,
    APPLIED,
    /** The case had already ended, or (CaseSubmitted) an instance for the case already existed. */
    DISCARDED,
    /** Still not applicable after the expiry period. */
    EXPIRED,
    /** Applying it failed repeatedly for another reason than "nobody waits yet". */
    DEAD
}
