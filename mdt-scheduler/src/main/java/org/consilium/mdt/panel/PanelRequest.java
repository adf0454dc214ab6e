package org.consilium.mdt.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a panel is composed for.
 *
 * @param country                the patient's country (ISO alpha-2); null: licensure is not checked
 * @param treatingInstitution    the patient's current treating institution; its staff are excluded; may be null
 * @param tumourGroup            the case's tumour group; subspecialists in it are preferred; may be null
 * @param sessionStart           when the panel meets live; members available then are preferred; null: no live meeting
 * @param sessionLength          how long the meeting lasts
 * @param crossBorderDisciplines disciplines in which a coordinator let specialists not licensed in the patient's
 *                               country sit for this case (licensure widened); every other rule still holds
 */
public record PanelRequest(List<String> disciplines, List<String> patientLanguages, String country,
                           String treatingInstitution, String tumourGroup, Instant sessionStart,
                           Duration sessionLength, Set<String> crossBorderDisciplines) {
    public PanelRequest {
        disciplines = disciplines == null ? List.of() : disciplines.stream().distinct().toList();
        patientLanguages = patientLanguages == null ? List.of() : List.copyOf(patientLanguages);
        sessionLength = sessionLength == null ? Duration.ZERO : sessionLength;
        crossBorderDisciplines = crossBorderDisciplines == null ? Set.of() : Set.copyOf(crossBorderDisciplines);
    }

    /** With licensure checked in every discipline (no coordinator widened it). */
    public PanelRequest(List<String> disciplines, List<String> patientLanguages, String country,
                        String treatingInstitution, String tumourGroup, Instant sessionStart, Duration sessionLength) {
        this(disciplines, patientLanguages, country, treatingInstitution, tumourGroup, sessionStart, sessionLength,
                Set.of());
    }

    /** The same request for a case of this tumour group. */
    public PanelRequest forGroup(String group) {
        return new PanelRequest(disciplines, patientLanguages, country, treatingInstitution, group, sessionStart,
                sessionLength, crossBorderDisciplines);
    }

    /** The same request for a live meeting at this time. */
    public PanelRequest at(Instant start, Duration length) {
        return new PanelRequest(disciplines, patientLanguages, country, treatingInstitution, tumourGroup, start, length,
                crossBorderDisciplines);
    }

    /** The same request with licensure widened in these disciplines. */
    public PanelRequest acrossBordersIn(Collection<String> widened) {
        return new PanelRequest(disciplines, patientLanguages, country, treatingInstitution, tumourGroup, sessionStart,
                sessionLength, Set.copyOf(widened));
    }

    /** Whether a specialist of this discipline may sit without a licence in the patient's country. */
    public boolean acrossBorders(String discipline) {
        return crossBorderDisciplines.contains(discipline);
    }

    /** Disciplines and languages only, as before licensure and sessions were known. */
    public static PanelRequest of(List<String> disciplines, List<String> patientLanguages) {
        return new PanelRequest(disciplines, patientLanguages, null, null, null, null, null);
    }
}
