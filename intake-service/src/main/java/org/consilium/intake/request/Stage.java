package org.consilium.intake.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, as a patient would want it told. Declared in the order a case moves
 * through them; a stage never goes back, and the last three are final. {@code AWAITING_PATIENT}:
 * a hospital sent the records (a FHIR Bundle with no Consent and no QuestionnaireResponse, as mCODE
 * bundles are), and the case waits for the patient's consent and question; no other service knows
 * of it until then.
 */
public enum Stage {
    AWAITING_PATIENT, SUBMITTED, COLLECTING_RECORDS, RECORDS_COMPLETE, MDT_SCHEDULED, MDT_CONCLUDED, REPORT_DELIVERED,
    DECLINED, WITHDRAWN;

    private static final Set<Stage> FINAL = EnumSet.of(REPORT_DELIVERED, DECLINED, WITHDRAWN);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Events from different topics can arrive out of order; only a later stage may replace this one. */
    public boolean canMoveTo(Stage next) {
        return !isFinal() && next.ordinal() > ordinal();
    }
}
