package org.consilium.intake.request;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text takes the lengths real records have, counted as a reader counts characters (issue 11). */
class FieldLengthsTest {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aStageAsHospitalsWriteItFits() {
        String snomedDisplay = "American Joint Committee on Cancer stage IIIC (qualifier value)";
        assertThat(VALIDATOR.validate(new CaseIntake.Diagnosis(CancerType.BREAST, null, snomedDisplay, null))).isEmpty();
        assertThat(VALIDATOR.validateValue(CaseIntake.Diagnosis.class, "stage", "x".repeat(501))).hasSize(1);
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnce() {
        // U+20BB7 (a CJK extension B character) is two UTF-16 units: 300 of them are 600 units
        String name = "\uD842\uDFB7".repeat(300);
        assertThat(VALIDATOR.validateValue(CaseIntake.Proxy.class, "name", name)).isEmpty();
        assertThat(VALIDATOR.validateValue(CaseIntake.Proxy.class, "name", name + "x")).hasSize(1);
    }
}
