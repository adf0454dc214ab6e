package org.consilium.events;

/**
 * One specialist on a case's panel; the chair signs the consensus. {@code email} is where their
 * session invitation goes (null when the directory has none).
 */
public record PanelMember(String specialistId, String name, String discipline, String timeZone, boolean chair,
                          String email) {

    /** Without the e-mail address (added in v1, additively). */
    public PanelMember(String specialistId, String name, String discipline, String timeZone, boolean chair) {
        this(specialistId, name, discipline, timeZone, chair, null);
    }
}
