package org.consilium.intake.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * What only the patient can give to a case a hospital opened ({@link Stage#AWAITING_PATIENT}): the
 * consent per purpose and the self-check with the question for the panel, as in the JSON intake.
 * Given by the patient, their caregiver, or a coordinator recording what the patient said.
 *
 * @param timeZone                   the patient's IANA time zone (hospital records do not carry it)
 * @param email                      the patient's e-mail, when the hospital's Bundle named none
 * @param caregiverHasPatientConsent when the Bundle named a caregiver (RelatedPerson): that the patient
 *                                   lets them act for them
 */
public record PatientAnswers(
        @NotNull @Valid CaseIntake.Consent consent,
        @ValidTimeZone String timeZone,
        @Email @Size(max = 320) String email,
        Boolean caregiverHasPatientConsent,
        @Valid CaseIntake.TreatingTeam currentTreatingTeam,
        @NotNull @Valid CaseIntake.FirstOpinion firstOpinion,
        @NotEmpty List<@NotNull DecisionAtStake> decisionsAtStake,
        @NotNull TreatmentGoal treatmentGoal,
        List<@NotNull MissingInformation> whatSeemsMissing,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> openConcerns,
        LocalDate plannedTreatmentStart,
        @NotBlank @Size(max = 10_000) String questionForPanel,
        @Size(max = 10) List<CaseIntake.@Valid PreviousOpinion> previousSecondOpinions) {
}
