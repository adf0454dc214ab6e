package org.consilium.intake.fhir;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bodies past the JSON parser's limits (e2e's HostileInputTest, issue 12): Jackson refuses them with no
 * location, and reading the location answered a 500. They are a 400 OperationOutcome like any other body
 * that is not JSON. Only the reading runs here: it refuses before the validator or the store is reached.
 */
class FhirImportReadTest {
    private final FhirImport fhirImport = new FhirImport(null, null, null, null, Clock.systemUTC());

    @Test
    void nestingPastTheParsersLimitIsA400SayingWhy() {
        FhirRejection refused = catchThrowableOfType(FhirRejection.class,
                () -> fhirImport.read("[".repeat(5000) + "]".repeat(5000)));
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.message()).startsWith("not JSON: ").contains("nesting depth");
            assertThat(issue.location()).isNotBlank();
        });
    }

    @Test
    void aNumberPastTheParsersLimitIsA400() {
        FhirRejection refused = catchThrowableOfType(FhirRejection.class,
                () -> fhirImport.read("{\"resourceType\": \"Bundle\", \"total\": " + "9".repeat(5000) + "}"));
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.issues().get(0).message()).startsWith("not JSON: ");
    }

    @Test
    void brokenJsonStillSaysWhere() {
        FhirRejection refused = catchThrowableOfType(FhirRejection.class, () -> fhirImport.read("{\"resourceType\": "));
        assertThat(refused.issues().get(0).location()).startsWith("line 1, column ");
    }
}
