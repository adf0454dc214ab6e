package org.consilium.intake.fhir;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The errors the R4 base profiles find in a resource. One deliberate exception: offline, the
 * validator only knows the short "common languages" list, so a valid BCP-47 tag outside it
 * (Indonesian {@code id}, Malay {@code ms}, ...) would be an error; for an international service
 * it is not one, and the intake's own language-tag rule still applies.
 */
@Component
public class FhirValidation {
    private final FhirValidator validator;

    public FhirValidation(FhirValidator validator) {
        this.validator = validator;
    }

    public List<SingleValidationMessage> errors(String resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !isLanguageOutsideCommonList(m))
                .toList();
    }

    private static boolean isLanguageOutsideCommonList(SingleValidationMessage message) {
        String text = String.valueOf(message.getMessage());
        return (text.contains("http://hl7.org/fhir/ValueSet/languages") || text.contains("http://hl7.org/fhir/ValueSet/all-languages"))
                && String.valueOf(message.getLocationString()).contains(".language");
    }
}
