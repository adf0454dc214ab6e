package org.consilium.mdt.panel;

import org.consilium.events.PanelMember;

/** A specialist on one case's panel, with why they were chosen. */
public record Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair,
                        String reason) {

    public Panellist withChair(boolean chairs) {
        return new Panellist(specialistId, name, discipline, timeZone, chairs, reason);
    }

    public PanelMember toEvent() {
        return new PanelMember(specialistId, name, discipline, timeZone, chair);
    }
}
