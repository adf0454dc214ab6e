package org.consilium.mdt.panel;

import org.consilium.events.PanelMember;

/** A specialist on one case's panel, with why they were chosen. */
public record Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair,
                        String reason, String email) {

    /** Without an e-mail address (panels stored before the directory had them). */
    public Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair, String reason) {
        this(specialistId, name, discipline, timeZone, chair, reason, null);
    }

    public Panellist withChair(boolean chairs) {
        return new Panellist(specialistId, name, discipline, timeZone, chairs, reason, email);
    }

    public PanelMember toEvent() {
        return new PanelMember(specialistId, name, discipline, timeZone, chair, email);
    }
}
