package org.consilium.bpmn.triage;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of both triage tables (processes/triage.dmn), evaluated with the DMN engine alone. */
class TriageDecisionsTest {
    private static final Set<String> matchedRules = ConcurrentHashMap.newKeySet();
    private static DmnEngine dmn;
    private static Map<String, DmnDecision> decisions;

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        dmn = configuration.buildEngine();
        try (InputStream model = TriageDecisionsTest.class.getResourceAsStream("/processes/triage.dmn")) {
            decisions = dmn.parseDecisions(model).stream().collect(Collectors.toMap(DmnDecision::getKey, d -> d));
        }
    }

    @ParameterizedTest(name = "{0} days, {1} -> {2}")
    @CsvSource({
            "-3, ORGAN_REMOVAL, URGENT",
            "0, , URGENT",
            "12, MAJOR_SURGERY, URGENT",
            "14, CLINICAL_TRIAL_ENROLLMENT, URGENT",
            "15, MAJOR_SURGERY, EXPEDITED",
            "20, ORGAN_REMOVAL, EXPEDITED",
            "21, TRANSPLANTATION, EXPEDITED",
            "22, CAR_T_CELLULAR_THERAPY, EXPEDITED",
            "27, STOPPING_ACTIVE_TREATMENT, EXPEDITED",
            "28, RADIATION_NEAR_SENSITIVE_ORGANS, EXPEDITED",
            "28, CHEMOTHERAPY_SIGNIFICANT_SIDE_EFFECTS, ROUTINE",
            "15, , ROUTINE",
            "29, MAJOR_SURGERY, ROUTINE",
            "35, ORGAN_REMOVAL, ROUTINE",
            "9999, , ROUTINE"})
    void urgency(int daysUntilTreatment, String decisionAtStake, String expected) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("daysUntilTreatment", daysUntilTreatment);
        variables.put("decisionAtStake", decisionAtStake);
        String urgency = dmn.evaluateDecisionTable(decisions.get("triage-urgency"), variables).getSingleEntry();
        assertThat(urgency).isEqualTo(expected);
    }

    static Stream<Arguments> panels() {
        return Stream.of(
                Arguments.of("lung", List.of("thoracic-surgeon", "medical-oncologist", "radiation-oncologist",
                        "radiologist", "pathologist", "pulmonologist")),
                Arguments.of("breast", List.of("breast-surgeon", "medical-oncologist", "radiation-oncologist",
                        "radiologist", "pathologist")),
                Arguments.of("colorectal", List.of("colorectal-surgeon", "medical-oncologist", "radiation-oncologist",
                        "radiologist", "pathologist")),
                Arguments.of("gastric", List.of("upper-gi-surgeon", "medical-oncologist", "radiologist", "pathologist",
                        "gastroenterologist")),
                Arguments.of("oesophageal", List.of("upper-gi-surgeon", "medical-oncologist", "radiation-oncologist",
                        "radiologist", "pathologist")),
                Arguments.of("liver", List.of("hepatobiliary-surgeon", "transplant-surgeon", "medical-oncologist",
                        "radiologist", "interventional-radiologist", "hepatologist")),
                Arguments.of("pancreatic", List.of("hepatobiliary-surgeon", "medical-oncologist", "radiation-oncologist",
                        "radiologist", "pathologist", "gastroenterologist")),
                Arguments.of("prostate", List.of("urologist", "medical-oncologist", "radiation-oncologist",
                        "radiologist", "pathologist")),
                Arguments.of("lymphoma", List.of("haematologist", "radiation-oncologist", "radiologist",
                        "haematopathologist")),
                Arguments.of("head-and-neck", List.of("head-and-neck-surgeon", "medical-oncologist",
                        "radiation-oncologist", "radiologist", "pathologist")),
                Arguments.of("sarcoma", List.of("medical-oncologist", "radiologist", "pathologist")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panels")
    void panelDisciplines(String cancerType, List<String> expected) {
        List<String> disciplines = dmn.evaluateDecisionTable(decisions.get("panel-disciplines"),
                Variables.createVariables().putValue("cancerType", cancerType)).collectEntries("discipline");
        assertThat(disciplines).containsExactlyElementsOf(expected);
    }

    @Test
    void missingCancerTypeIsTreatedAsUnknown() {
        List<String> disciplines = dmn.evaluateDecisionTable(decisions.get("panel-disciplines"),
                Variables.createVariables().putValue("cancerType", null)).collectEntries("discipline");
        assertThat(disciplines).containsExactly("medical-oncologist", "radiologist", "pathologist");
    }

    @AfterAll
    static void everyRuleWasExercised() {
        Set<String> allRules = decisions.values().stream()
                .flatMap(d -> ((DmnDecisionTableImpl) d.getDecisionLogic()).getRules().stream())
                .map(DmnDecisionTableRuleImpl::getId).collect(Collectors.toSet());
        assertThat(matchedRules).containsAll(allRules);
    }
}
