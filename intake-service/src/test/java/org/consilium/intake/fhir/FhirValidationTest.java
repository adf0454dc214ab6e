package org.consilium.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator refuses what R4 refuses and accepts what it accepts (issue 11): the specification's
 * own published examples pass with warnings, a required binding missed or a missing element still fails.
 */
class FhirValidationTest {
    static final FhirValidation VALIDATION = new FhirValidation(
            new FhirConfiguration().fhirValidator(FhirContext.forR4Cached()));

    @Test
    void aCodeTheOfflineValidatorCannotFindWhereNoBindingRequiresItIsAWarning() throws IOException {
        String example = published("MedicationStatement-example001.json");

        assertThat(VALIDATION.errors(example)).as("the R4 spec's MedicationStatement example001").isEmpty();
        assertThat(warnings(example)).anySatisfy(m -> assertThat(m).contains("v3-orderableDrugForm#Tab"))
                .anySatisfy(m -> assertThat(m).contains("http://hl7.org/fhir/sid/ndc"));
    }

    @Test
    void aRelativeCanonicalIsAWarning() throws IOException {
        String example = published("Procedure-f201.json");

        assertThat(VALIDATION.errors(example)).as("the R4 spec's Procedure f201").isEmpty();
        assertThat(warnings(example)).anySatisfy(m -> assertThat(m).contains("PlanDefinition/KDN5"));
    }

    @Test
    void whatR4RefusesIsStillAnError() {
        String invalid = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "urn:uuid:8d8f4c1e-2c53-4a57-a1f6-3d0c5b0e2a11",
                   "resource": {"resourceType": "Patient", "gender": "man"}},
                  {"fullUrl": "urn:uuid:8d8f4c1e-2c53-4a57-a1f6-3d0c5b0e2a12",
                   "resource": {"resourceType": "Condition",
                     "subject": {"reference": "urn:uuid:8d8f4c1e-2c53-4a57-a1f6-3d0c5b0e2a11"},
                     "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "cured"}]}}},
                  {"fullUrl": "urn:uuid:8d8f4c1e-2c53-4a57-a1f6-3d0c5b0e2a13",
                   "resource": {"resourceType": "Consent", "scope": {"text": "privacy"}, "category": [{"text": "consent"}],
                     "policyRule": {"text": "ours"}}}]}
                """;
        List<String> errors = VALIDATION.errors(invalid).stream()
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();

        assertThat(errors).as("required bindings missed and a required element absent")
                .anySatisfy(e -> assertThat(e).contains(".gender").contains("a code is required"))
                .anySatisfy(e -> assertThat(e).contains(".clinicalStatus").contains("is required"))
                .anySatisfy(e -> assertThat(e).contains("Consent.status: minimum required = 1"));
    }

    private static List<String> warnings(String resource) {
        return VALIDATION.messages(resource).stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .map(SingleValidationMessage::getMessage).toList();
    }

    static String published(String name) throws IOException {
        return new ClassPathResource("fhir/published/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
