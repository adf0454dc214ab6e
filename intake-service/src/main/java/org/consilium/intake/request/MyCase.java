package org.consilium.intake.request;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.events.Roles;
import org.consilium.support.security.Caller;

import java.time.Instant;
import java.util.List;

/**
 * One line of "my cases" ({@code GET /cases/mine}): enough for the patient or caregiver to pick the case; the case
 * itself ({@code GET /cases/{id}}) has the rest.
 *
 * @param actingAs {@code patient} for their own case, {@code caregiver} for one they act for
 */
public record MyCase(String caseId, Stage stage, @Schema(description = "When the case reached its stage") Instant stageSince,
                     Instant submittedAt, String cancerType, String patientName, List<String> patientLanguages,
                     @Schema(description = "The patient's IANA time zone: the dates as she reads them") String patientTimeZone,
                     String actingAs) {

    static MyCase of(SecondOpinionCase c, Caller caller) {
        List<StageChange> history = c.history();
        Instant since = history.isEmpty() ? c.submittedAt() : history.get(history.size() - 1).at();
        boolean patient = c.parties().stream().anyMatch(p -> p.role().equals(Roles.PATIENT)
                && caller.has(Roles.PATIENT) && caller.isPerson(p.email()));
        return new MyCase(c.id(), c.stage(), since, c.submittedAt(), c.intake().diagnosis().cancerType().code(),
                c.intake().patient().name(), c.intake().patient().languages(), c.intake().patient().timeZone(),
                patient ? Roles.PATIENT : Roles.CAREGIVER);
    }
}
