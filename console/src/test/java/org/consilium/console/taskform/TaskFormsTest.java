package org.consilium.console.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.engine.OpenTask;
import org.junit.jupiter.api.Test;

/**
 * The forms as the process models declare them today (read from the bpmn module's own files, so a change to a model
 * that the console cannot render shows here): which field becomes which input, which are facts, which choice reveals
 * which reason, and what is sent to the engine.
 */
class TaskFormsTest {
    private static final Map<String, TaskFormDefinition> CASE = model("second-opinion-case.bpmn");
    private static final Map<String, TaskFormDefinition> FOLLOW_UP = model("case-follow-up.bpmn");
    private static final OpenTask TASK = new OpenTask("t1", "Review intake", null, "2026-12-06T07:00:00.000+0000", null,
            "p1", "ReviewIntake", "second-opinion-case:1:d1");

    private static Map<String, TaskFormDefinition> model(String file) {
        try {
            return BpmnForms.parse(Files.readString(Path.of("../bpmn/src/main/resources/processes", file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyUserTaskOfBothModelsHasAFormWithSomethingToFillIn() {
        assertThat(CASE).containsKeys("ReviewIntake", "ChaseMissingRecords", "VerifyDossier", "ObtainPanelConsent",
                "CheckReviewScheduling", "ChasePanel", "ReleaseReport", "ConfirmReportDelivery", "ResolveFailedStep");
        assertThat(FOLLOW_UP).containsKeys("AskAboutDecision", "ResolveFailedStep");
        CASE.forEach((task, form) -> assertThat(form.fields()).as(task).anyMatch(field -> !field.readonly()));
        assertThat(CASE.get("VerifyDossier").documentation()).startsWith("Check the collected dossier");
    }

    @Test
    void reviewIntakeIsAChoiceInWordsWhoseDeclineRevealsTheReasonAndTheTriageAsFacts() {
        TaskFormView view = TaskForms.view(TASK, CASE.get("ReviewIntake"), Map.of("urgency", "URGENT", "cancerType", "lung"),
                Optional.empty());
        assertThat(view.facts()).extracting(Fact::label).containsExactly("Cancer type", "Decision at stake",
                "Planned treatment start", "Urgency (triage)", "Panel disciplines (triage)");
        assertThat(view.facts()).contains(new Fact("urgency", "Urgency (triage)", "URGENT"));
        assertThat(new Fact("Decision at stake", "MAJOR_SURGERY").text()).isEqualTo("Major surgery");
        assertThat(new Fact("Panel disciplines (triage)", "thoracic-surgery,radiology").text())
                .isEqualTo("thoracic surgery, radiology");
        assertThat(new Fact("Why", "the SMTP server refused: 550").text()).isEqualTo("the SMTP server refused: 550");
        assertThat(view.inputs()).hasSize(1);
        InputView accepted = view.inputs().get(0);
        assertThat(accepted.kind()).isEqualTo("choice");
        assertThat(accepted.field().required()).isTrue();
        assertThat(accepted.field().choiceWord(true)).isEqualTo("Accept the case");
        assertThat(accepted.field().choiceWord(false)).isEqualTo("Decline it (out of scope)");
        assertThat(accepted.revealsOn()).isEqualTo("false");
        assertThat(accepted.revealed()).extracting(input -> input.field().id()).containsExactly("declineReason");
        assertThat(accepted.revealed().get(0).requiredHint(accepted.field()))
                .isEqualTo("Required when you choose “Decline it (out of scope)”");
        assertThat(view.refused()).isFalse();
    }

    @Test
    void aRefusalKeepsWhatWasSentAndSaysWhatIsWrongNextToTheFieldInTheFormsWords() {
        Map<String, String> sent = Map.of("accepted", "false", "declineReason", "");
        TaskFormView view = TaskForms.view(TASK, CASE.get("ReviewIntake"), Map.of(), Optional.of(new Attempt("t1", sent,
                Map.of("declineReason", "is required when accepted is false"), null, 400)));
        InputView accepted = view.inputs().get(0);
        assertThat(accepted.chosen(false)).isTrue();
        InputView reason = accepted.revealed().get(0);
        assertThat(reason.error()).isEqualTo("Required when you choose “Decline it (out of scope)”: write it here.");
        assertThat(view.invalidInputs()).containsExactly(reason);
        assertThat(view.refusal()).startsWith("Not completed: the engine refused one field.");
    }

    @Test
    void resolveAFailedStepShowsTheStepServiceAndReasonAndRevealsTheDeclineReasonOnDecline() {
        TaskFormView view = TaskForms.view(TASK, CASE.get("ResolveFailedStep"),
                Map.of("failedStep", "DeliverReport", "failedService", "notification-service", "failureReason", "SMTP down",
                        "retryStep", "false", "declineCase", "false"), Optional.empty());
        assertThat(view.facts()).extracting(Fact::value).containsExactly("DeliverReport", "notification-service", "SMTP down", "");
        assertThat(view.inputs()).extracting(input -> input.field().id() + ":" + input.kind())
                .containsExactly("retryStep:choice", "resolutionNote:text", "declineCase:choice");
        InputView decline = view.inputs().get(2);
        assertThat(decline.chosen(false)).as("the model's default").isTrue();
        assertThat(decline.revealsOn()).isEqualTo("true");
        assertThat(decline.revealed()).extracting(input -> input.field().id()).containsExactly("declineReason");
    }

    @Test
    void theEngineGetsTypedValuesNeverReadOnlyOnesNorBlanksNorAReasonTheAnswerDoesNotNeed() {
        TaskFormDefinition review = CASE.get("ReviewIntake");
        Map<String, String> declined = new LinkedHashMap<>(Map.of("accepted", "false", "declineReason", "Benign tumour",
                "urgency", "ROUTINE"));
        assertThat(EngineVariables.of(review, declined)).isEqualTo(Map.of(
                "accepted", Map.of("value", false, "type", "Boolean"),
                "declineReason", Map.of("value", "Benign tumour", "type", "String")));
        assertThat(EngineVariables.of(review, Map.of("accepted", "true", "declineReason", "typed, then accepted")))
                .isEqualTo(Map.of("accepted", Map.of("value", true, "type", "Boolean")));
        assertThat(EngineVariables.of(review, Map.of("accepted", "false", "declineReason", "  ")))
                .as("a blank reason is not sent: the engine says it is required")
                .isEqualTo(Map.of("accepted", Map.of("value", false, "type", "Boolean")));
        assertThat(EngineVariables.of(CASE.get("VerifyDossier"), Map.of("dossierVerified", "true", "documentCount", "9",
                "dossierNote", "")))
                .isEqualTo(Map.of("dossierVerified", Map.of("value", true, "type", "Boolean")));
    }
}
