package org.consilium.events;

/**
 * A person with a claim to see a case, as the services that check access need them: the role they
 * act in ({@link Roles#PATIENT}, {@link Roles#CAREGIVER}, {@link Roles#REFERRER}) and the e-mail
 * address their token's {@code email} claim must match. Nothing else about them travels.
 */
public record CaseParty(String role, String email) {
}
