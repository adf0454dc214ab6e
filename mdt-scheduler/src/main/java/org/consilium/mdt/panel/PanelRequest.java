package org.consilium.mdt.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a panel is composed for.
 *
 * @param country             the patient's country (ISO alpha-2); null: licensure is not checked
 * @param treatingInstitution the patient's current treating institution; its staff are excluded; may be null
 * @param tumourGroup         the case's tumour group; subspecialists in it are preferred; may be null
 * @param sessionStart        when the panel meets live; members available then are preferred; null: no live meeting
 * @param sessionLength       how long the meeting lasts
 */
public record PanelRequest(List<String> disciplines, List<String> patientLanguages, String country,
                           String treatingInstitution, String tumourGroup, Instant sessionStart,
                           Duration sessionLength) {
    public PanelRequest {
        disciplines = disciplines == null ? List.of() : disciplines.stream().distinct().toList();
        patientLanguages = patientLanguages == null ? List.of() : List.copyOf(patientLanguages);
        sessionLength = sessionLength == null ? Duration.ZERO : sessionLength;
    }

    /** The same request for a case of this tumour group. */
    public PanelRequest forGroup(String group) {
        return new PanelRequest(disciplines, patientLanguages, country, treatingInstitution, group, sessionStart,
                sessionLength);
    }

    /** Disciplines and languages only, as before licensure and sessions were known. */
    public static PanelRequest of(List<String> disciplines, List<String> patientLanguages) {
        return new PanelRequest(disciplines, patientLanguages, null, null, null, null, null);
    }
}
