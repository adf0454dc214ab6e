package org.consilium.intake.request;

import org.consilium.events.Roles;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;

/**
 * Who submitted a case, from their token: kept on the case because a referrer who submitted is one
 * of its parties, and because "who opened this case for the patient?" must stay answerable.
 *
 * @param role the role they submitted in ({@code patient}, {@code caregiver}, {@code referrer}, {@code coordinator})
 */
public record Submitter(String username, String email, String role) {

    /**
     * The caller as the submitter of this intake, or a 403 problem {@code not-your-intake}. A patient
     * submits only their own case and a caregiver only one naming them as the proxy (by the token's
     * e-mail): otherwise anyone could open a case in someone else's name and so gain sight of it. A
     * referrer or coordinator submits for any patient.
     */
    public static Submitter of(Caller caller, CaseIntake intake) {
        if (caller.has(Roles.COORDINATOR)) {
            return new Submitter(caller.username(), caller.email(), Roles.COORDINATOR);
        }
        if (caller.has(Roles.REFERRER)) {
            return new Submitter(caller.username(), caller.email(), Roles.REFERRER);
        }
        if (caller.has(Roles.PATIENT) && caller.isPerson(intake.patient().email())) {
            return new Submitter(caller.username(), caller.email(), Roles.PATIENT);
        }
        if (caller.has(Roles.CAREGIVER) && intake.proxy() != null && caller.isPerson(intake.proxy().email())) {
            return new Submitter(caller.username(), caller.email(), Roles.CAREGIVER);
        }
        throw new DomainProblem(HttpStatus.FORBIDDEN, "not-your-intake", caller.username()
                + " may submit only a case whose " + (caller.has(Roles.CAREGIVER) && !caller.has(Roles.PATIENT)
                ? "caregiver (proxy)" : "patient") + " e-mail is the token's e-mail (" + caller.email() + ")");
    }
}
