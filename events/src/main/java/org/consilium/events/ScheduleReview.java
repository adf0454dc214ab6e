package org.consilium.events;

import java.util.List;

/** Command to mdt-scheduler: compose a panel for these disciplines and put the case on a session. */
public record ScheduleReview(String caseId, String cancerType, Urgency urgency, List<String> disciplines,
                             List<String> languages, String timeZone, String questionForPanel, String firstOpinion)
        implements CaseMessage {
    public ScheduleReview {
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
