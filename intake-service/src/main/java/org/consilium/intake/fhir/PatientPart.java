package org.consilium.intake.fhir;

import java.util.Collection;
import java.util.Set;

/**
 * The intake fields only the patient can give: consent, the self-check and question, and how to
 * reach them. A hospital's Bundle (records, no Consent, no QuestionnaireResponse, as mCODE bundles
 * are) lacks them by nature, so their absence opens a case that waits for the patient instead of
 * refusing the Bundle; anything the Bundle does say must still be valid.
 */
final class PatientPart {
    private static final Set<String> FIELDS = Set.of("consent.review", "consent.shareWithPanel", "patient.timeZone",
            "patient.email", "proxy.patientConsents", "firstOpinion", "decisionsAtStake", "treatmentGoal",
            "questionForPanel");

    private PatientPart() {
    }

    /** Whether this bean-validation finding is a field of the patient's part left unanswered (not a wrong answer). */
    static boolean unanswered(String propertyPath, Object invalidValue) {
        return FIELDS.contains(propertyPath) && (invalidValue == null || Boolean.FALSE.equals(invalidValue)
                || invalidValue instanceof Collection<?> c && c.isEmpty()
                || invalidValue instanceof String s && s.isBlank());
    }
}
