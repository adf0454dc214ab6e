package org.consilium.mdt.review;

import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.mdt.directory.TumourGroups;

import java.util.List;

/**
 * What the panel is asked, as the process sent it with ScheduleReview.
 *
 * @param country             the patient's country (ISO alpha-2), for licensure; null in older commands
 * @param treatingInstitution the patient's treating institution, for conflicts of interest; may be null
 * @param disciplines         the disciplines triage asked for
 */
public record CaseBrief(String cancerType, Urgency urgency, String questionForPanel, String firstOpinion,
                        List<String> patientLanguages, String patientTimeZone, String country,
                        String treatingInstitution, List<String> disciplines) {

    public CaseBrief {
        patientLanguages = patientLanguages == null ? List.of() : List.copyOf(patientLanguages);
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
    }

    static CaseBrief of(ScheduleReview command) {
        return new CaseBrief(command.cancerType(), command.urgency(), command.questionForPanel(), command.firstOpinion(),
                command.languages(), command.timeZone(), command.country(), command.treatingInstitution(),
                command.disciplines());
    }

    /** The ScheduleReview this brief came from, to plan the case again. */
    ScheduleReview asCommand(String caseId) {
        return new ScheduleReview(caseId, cancerType, urgency, disciplines, patientLanguages, patientTimeZone,
                questionForPanel, firstOpinion, country, treatingInstitution);
    }

    public String tumourGroup() {
        return TumourGroups.of(cancerType);
    }
}
