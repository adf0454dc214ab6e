package org.consilium.mdt.review;

import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;

import java.util.List;

/** What the panel is asked, as the process sent it with ScheduleReview. */
public record CaseBrief(String cancerType, Urgency urgency, String questionForPanel, String firstOpinion,
                        List<String> patientLanguages, String patientTimeZone) {

    public CaseBrief {
        patientLanguages = patientLanguages == null ? List.of() : List.copyOf(patientLanguages);
    }

    static CaseBrief of(ScheduleReview command) {
        return new CaseBrief(command.cancerType(), command.urgency(), command.questionForPanel(), command.firstOpinion(),
                command.languages(), command.timeZone());
    }
}
