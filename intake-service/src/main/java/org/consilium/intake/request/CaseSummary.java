package org.consilium.intake.request;

import java.time.Instant;
import java.util.List;

/**
 * One line of a coordinator's queue ({@code GET /cases?stage=}): enough to pick the case up, no
 * names or contact data (those are read from the case itself, on the audit trail).
 *
 * @param patientEmailKnown whether the patient can be reached by e-mail and can sign in to answer;
 *                          when false, the coordinator has to reach them through the hospital
 */
public record CaseSummary(String caseId, Stage stage, Instant submittedAt, String cancerType,
                          List<String> awaitedFromPatient, boolean patientEmailKnown) {

    public static CaseSummary of(SecondOpinionCase c) {
        return new CaseSummary(c.id(), c.stage(), c.submittedAt(), c.intake().diagnosis().cancerType().code(),
                c.awaitedFromPatient(), c.intake().patient().email() != null);
    }
}
