package org.consilium.mdt.panel;

import org.consilium.events.PanelMember;

/**
 * A specialist on one case's panel, with why they were chosen.
 *
 * @param crossBorder not licensed in the patient's country: seated because a coordinator widened licensure for
 *                    this discipline of this case, so the panel and the report can say the member reviews across
 *                    borders; never null (a Boolean only so that panels stored before widening existed, which
 *                    lack it, can be read: they are licensed, false)
 * @param guest       a guest specialist from outside the directory, invited by a coordinator for this case only
 *                    ({@code guest.Guest}); never chairs; never null (false for panels stored before guests existed)
 */
public record Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair,
                        String reason, String email, Boolean crossBorder, Boolean guest) {
    public Panellist {
        crossBorder = Boolean.TRUE.equals(crossBorder);
        guest = Boolean.TRUE.equals(guest);
    }

    /** A directory specialist, licensed in the patient's country or seated across borders. */
    public Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair, String reason,
                     String email, Boolean crossBorder) {
        this(specialistId, name, discipline, timeZone, chair, reason, email, crossBorder, false);
    }

    /** Licensed in the patient's country (or licensure not checked). */
    public Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair, String reason,
                     String email) {
        this(specialistId, name, discipline, timeZone, chair, reason, email, false);
    }

    /** Without an e-mail address (panels stored before the directory had them). */
    public Panellist(String specialistId, String name, String discipline, String timeZone, boolean chair, String reason) {
        this(specialistId, name, discipline, timeZone, chair, reason, null);
    }

    public Panellist withChair(boolean chairs) {
        return new Panellist(specialistId, name, discipline, timeZone, chairs, reason, email, crossBorder, guest);
    }

    /** This seat as a guest's: marked, with why they sit, and never the chair. */
    public Panellist asGuest(String why) {
        return new Panellist(specialistId, name, discipline, timeZone, false, why, email, false, true);
    }

    public PanelMember toEvent() {
        return new PanelMember(specialistId, name, discipline, timeZone, chair, email);
    }
}
