package org.consilium.events;

import java.util.List;

/**
 * Command to mdt-scheduler: compose a panel for these disciplines and put the case on a session.
 * {@code country} (ISO 3166 alpha-2, where the patient is) decides licensure; members from the
 * {@code treatingInstitution} are excluded as a conflict of interest. Both may be null.
 */
public record ScheduleReview(String caseId, @Required String cancerType, @Required Urgency urgency, List<String> disciplines,
                             List<String> languages, String timeZone, String questionForPanel, String firstOpinion,
                             String country, String treatingInstitution)
        implements CaseMessage {
    public ScheduleReview {
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Without country and treating institution (added in v1, additively: older records lack them). */
    public ScheduleReview(String caseId, String cancerType, Urgency urgency, List<String> disciplines,
                          List<String> languages, String timeZone, String questionForPanel, String firstOpinion) {
        this(caseId, cancerType, urgency, disciplines, languages, timeZone, questionForPanel, firstOpinion, null, null);
    }
}
