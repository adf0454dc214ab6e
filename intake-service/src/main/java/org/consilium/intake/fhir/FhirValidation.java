package org.consilium.intake.fhir;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the R4 base profiles find in a resource: errors refuse it, warnings are reported with it.
 * The validator runs offline (no terminology server), and some of what it calls an error the
 * specification accepts; those become warnings (issue 11, checked against the published R4
 * examples):
 * <ul>
 *   <li>a code looked up in its code system and not found, or a code system it does not have (NDC,
 *   RxNorm, LOINC offline; {@code Tab} in {@code v3-orderableDrugForm}): only a binding can make a
 *   code wrong for an element, and a <em>required</em> binding the code misses is reported by the
 *   validator as its own error ({@code Terminology_TX_NoValid_*}), which stays one;</li>
 *   <li>a relative canonical ({@code PlanDefinition/KDN5} in the spec's own Procedure-f201): R4's
 *   {@code canonical} is a {@code uri} with no absolute-URL rule, and intake resolves no canonical;</li>
 *   <li>a valid BCP-47 language tag outside the short "common languages" list (Indonesian {@code id},
 *   Malay {@code ms}, ...): for an international service it is no error, and the intake's own
 *   language-tag rule still applies.</li>
 * </ul>
 */
@Component
public class FhirValidation {
    /** The validator relaying its terminology service's verdict on one code, whatever the binding. */
    static final String CODE_LOOKUP = "Terminology_PassThrough_TX_Message";
    static final String RELATIVE_CANONICAL = "TYPE_SPECIFIC_CHECKS_CANONICAL_ABSOLUTE";

    private final FhirValidator validator;

    public FhirValidation(FhirValidator validator) {
        this.validator = validator;
    }

    /** The errors and warnings (not information), each with the severity this service gives it. */
    public List<SingleValidationMessage> messages(String resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> isError(m) || m.getSeverity() == ResultSeverityEnum.WARNING)
                .map(FhirValidation::withOurSeverity)
                .toList();
    }

    public List<SingleValidationMessage> errors(String resource) {
        return messages(resource).stream().filter(FhirValidation::isError).toList();
    }

    static boolean isError(SingleValidationMessage message) {
        return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL;
    }

    private static SingleValidationMessage withOurSeverity(SingleValidationMessage message) {
        if (isError(message) && (CODE_LOOKUP.equals(message.getMessageId())
                || RELATIVE_CANONICAL.equals(message.getMessageId()) || isLanguageOutsideCommonList(message))) {
            // each validation produces its own messages: changing this one changes no one else's
            message.setSeverity(ResultSeverityEnum.WARNING);
        }
        return message;
    }

    private static boolean isLanguageOutsideCommonList(SingleValidationMessage message) {
        String text = String.valueOf(message.getMessage());
        return (text.contains("http://hl7.org/fhir/ValueSet/languages") || text.contains("http://hl7.org/fhir/ValueSet/all-languages"))
                && String.valueOf(message.getLocationString()).contains(".language");
    }
}
