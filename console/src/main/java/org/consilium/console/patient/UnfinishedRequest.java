package org.consilium.console.patient;

import java.time.Instant;

/** That the person has a request not sent yet, and when it was last saved and is kept until (intake's draft). */
public record UnfinishedRequest(Instant savedAt, Instant expiresAt) {
}
