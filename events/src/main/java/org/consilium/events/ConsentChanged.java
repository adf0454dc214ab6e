package org.consilium.events;

import java.time.Instant;

/**
 * The patient granted or withdrew consent for one purpose after the intake. {@code purpose} is the
 * code of intake's consent-purpose code system: {@code review}, {@code share-with-panel},
 * {@code cross-border-transfer}, {@code contact-current-doctor}. What depends on a purpose stops
 * when it is withdrawn (withdrawing {@code review} also withdraws the case: {@link CaseWithdrawn}).
 */
public record ConsentChanged(String caseId, @Required String purpose, boolean granted, @Required Instant changedAt) implements CaseMessage {
    public static final String REVIEW = "review";
    public static final String SHARE_WITH_PANEL = "share-with-panel";
    public static final String CROSS_BORDER_TRANSFER = "cross-border-transfer";
    public static final String CONTACT_CURRENT_DOCTOR = "contact-current-doctor";
}
