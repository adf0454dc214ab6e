package org.consilium.console.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Intake's validation problem placed on the form: each field path at its step and input (a list's element at the list's
 * input), a field the sign-in gives (the proxy's e-mail) at its step as a whole, one no step asks at the review; each
 * worded by its kind, with the field's own words where it has them; and the answers the form cannot make JSON.
 */
class RefusalsTest {

    @Test
    void intakesFieldErrorsArePlacedAtTheirStepAndInput() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("openConcerns[1]", "size must be between 0 and 2000");
        errors.put("consent.review", "must be true: the case cannot be reviewed without it");
        errors.put("proxy.email", "must be a well-formed email address");
        errors.put("previousSecondOpinions[0].date", "must be a date in the past or in the present");
        errors.put("somethingNew", "must not be null");
        Refusals placed = Refusals.ofIntake(errors);

        assertThat(placed.at("openConcerns")).hasValueSatisfying(r -> {
            assertThat(r.step()).isEqualTo(AskStep.QUESTION);
            assertThat(r.key()).isEqualTo("ask.error.openConcerns.long");
        });
        assertThat(placed.at("consent.review").map(Refusals.Refusal::key)).contains("ask.error.consent.review.agree");
        assertThat(placed.at("previousSecondOpinions[0].date").map(Refusals.Refusal::key))
                .contains("ask.error.previousSecondOpinions[0].date.future");
        assertThat(placed.ofStepAsAWhole(AskStep.WHO)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("proxy.email: must be a well-formed email address"));
        assertThat(placed.ofStepAsAWhole(AskStep.REVIEW)).extracting(Refusals.Refusal::key)
                .containsExactly("ask.error.required");
        assertThat(placed.first()).contains(AskStep.WHO);
        assertThat(placed.without(AskStep.WHO).first()).contains(AskStep.QUESTION);
    }

    @Test
    void whatCannotBeMadeJsonIsRefusedHereAndTheRestLeftToIntake() {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        typed.put("patient.age", List.of("fifty"));
        typed.put("plannedTreatmentStart", List.of("next week"));
        typed.put("decisionsAtStake", List.of("MAJOR_SURGERY", "SOMETHING_ELSE"));
        typed.put("patient.country", List.of("XX"));
        typed.put("questionForPanel", List.of(""));
        IntakeRequest request = IntakeRequest.of(new Answers(typed), new Asker(false, "Pat Lee", "pat.lee@example.org"));

        assertThat(request.sendable()).isFalse();
        assertThat(request.refusals()).containsOnly(Map.entry("patient.age", "ask.error.number"),
                Map.entry("plannedTreatmentStart", "ask.error.date"), Map.entry("decisionsAtStake", "ask.error.choice"),
                Map.entry("patient.country", "ask.error.choice"));
        // an empty question is intake's to refuse, not the form's
        assertThat(request.intake().get("questionForPanel")).isNull();
        assertThat(Refusals.ofForm(request.refusals()).at("plannedTreatmentStart").map(Refusals.Refusal::step))
                .contains(AskStep.TREATMENT);
    }
}
