package org.consilium.intake.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.consilium.support.input.SingleLine;

import java.time.LocalDate;
import java.util.List;

/**
 * The intake questionnaire (version {@value #VERSION}) as submitted by a patient, a caregiver
 * with the patient's consent, or a referring doctor. The article's self-check questions are
 * structured fields, so triage can use them. Every text is refused with control or bidirectional
 * characters before it gets here (service-support's PlainText); names and short labels are
 * {@link SingleLine} as well, since they become lines of the report PDF and of mail headers; sizes
 * count characters as people do (code points), and are as long as real records need (issue 11): a
 * hospital writes a stage as the SNOMED CT display "American Joint Committee on Cancer stage IIIC
 * (qualifier value)", not "IIIC".
 */
public record CaseIntake(
        @NotNull @Valid Patient patient,
        @Valid Proxy proxy,
        @NotNull @Valid Consent consent,
        @NotNull @Valid Diagnosis diagnosis,
        @Valid TreatingTeam currentTreatingTeam,
        @NotNull @Valid FirstOpinion firstOpinion,
        @NotEmpty List<@NotNull DecisionAtStake> decisionsAtStake,
        @NotNull TreatmentGoal treatmentGoal,
        List<@NotNull MissingInformation> whatSeemsMissing,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> openConcerns,
        LocalDate plannedTreatmentStart,
        @NotBlank @Size(max = 10_000) String questionForPanel,
        @Size(max = 10) List<@Valid PreviousOpinion> previousSecondOpinions) {

    public static final String VERSION = "2026-11";

    public CaseIntake {
        whatSeemsMissing = whatSeemsMissing == null ? List.of() : whatSeemsMissing;
        openConcerns = openConcerns == null ? List.of() : openConcerns;
        previousSecondOpinions = previousSecondOpinions == null ? List.of() : previousSecondOpinions;
    }

    /**
     * This intake, as a hospital sent it, with what the patient gave: their consent and self-check,
     * and the time zone, e-mail, caregiver consent and treating team where the hospital gave none.
     * The result is validated as a whole, like a {@code POST /cases}.
     */
    public CaseIntake completedWith(PatientAnswers answers) {
        Patient p = patient;
        Patient completedPatient = new Patient(p.name(), p.age(), p.sex(), p.country(), p.languages(),
                answers.timeZone() != null ? answers.timeZone() : p.timeZone(),
                p.email() != null ? p.email() : answers.email(), p.phone());
        Proxy completedProxy = proxy == null || answers.caregiverHasPatientConsent() == null ? proxy
                : new Proxy(proxy.name(), proxy.relationship(), proxy.email(), answers.caregiverHasPatientConsent());
        return new CaseIntake(completedPatient, completedProxy, answers.consent(), diagnosis,
                currentTreatingTeam != null ? currentTreatingTeam : answers.currentTreatingTeam(), answers.firstOpinion(),
                answers.decisionsAtStake(), answers.treatmentGoal(), answers.whatSeemsMissing(), answers.openConcerns(),
                answers.plannedTreatmentStart(), answers.questionForPanel(), answers.previousSecondOpinions());
    }

    public record Patient(@NotBlank @Size(max = 300) @SingleLine String name,
                          @NotNull @Min(0) @Max(120) Integer age,
                          @NotNull Sex sex,
                          @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as ID") String country,
                          @NotEmpty List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag such as en or zh-Hans") String> languages,
                          @NotBlank @ValidTimeZone String timeZone,
                          @NotBlank @Email @Size(max = 320) String email,
                          @Size(max = 40) @SingleLine String phone) {
    }

    /** A caregiver acting for the patient; only with the patient's explicit consent. */
    public record Proxy(@NotBlank @Size(max = 300) @SingleLine String name,
                        @NotBlank @Size(max = 200) @SingleLine String relationship,
                        @NotBlank @Email @Size(max = 320) String email,
                        @AssertTrue(message = "must be true: a caregiver acts only with the patient's consent") boolean patientConsents) {
    }

    /** Consent per purpose. Review and sharing with the panel are what the service is; the others are choices. */
    public record Consent(@AssertTrue(message = "must be true: the case cannot be reviewed without it") boolean review,
                          @AssertTrue(message = "must be true: the panel must see the records") boolean shareWithPanel,
                          boolean crossBorderTransfer,
                          boolean contactCurrentDoctor) {
    }

    public record Diagnosis(@NotNull CancerType cancerType,
                            @Size(max = 1000) @SingleLine String site,
                            @Size(max = 500) @SingleLine String stage,
                            @Size(max = 1000) @SingleLine String histology) {
    }

    public record TreatingTeam(@Size(max = 300) @SingleLine String doctorName,
                               @Size(max = 300) @SingleLine String institution,
                               @Email @Size(max = 320) String email) {
    }

    public record FirstOpinion(@NotBlank @Size(max = 20_000) String summary,
                               @NotBlank @Size(max = 300) @SingleLine String author,
                               @NotNull @PastOrPresent LocalDate date) {
    }

    /** "How many are too many": the panel is asked to compare, not to add one more. */
    public record PreviousOpinion(@NotNull @PastOrPresent LocalDate date,
                                  @NotBlank @Size(max = 300) @SingleLine String institution,
                                  @NotBlank @Size(max = 20_000) String summary) {
    }
}
