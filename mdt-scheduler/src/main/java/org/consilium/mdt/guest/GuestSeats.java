package org.consilium.mdt.guest;

import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.Panellist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The guests' seats on a composed panel. The composer treats a guest as any candidate (so every rule of a seat
 * holds for them); here their seats are marked and explained, and the chair, if the composer gave it to a guest (a
 * guest medical oncologist), goes to the first directory member: the chair signs the consensus and answers the
 * follow-up questions, which a link-holder without an account may not.
 */
public final class GuestSeats {
    private GuestSeats() {
    }

    public static Panel seat(Panel panel, List<Guest> guests, String country) {
        if (guests.isEmpty()) {
            return panel;
        }
        Map<String, Guest> byId = guests.stream().collect(Collectors.toMap(Guest::id, Function.identity()));
        boolean guestChaired = panel.members().stream().anyMatch(m -> m.chair() && byId.containsKey(m.specialistId()));
        List<Panellist> members = new ArrayList<>(panel.members().stream()
                .map(m -> byId.containsKey(m.specialistId()) ? m.asGuest(byId.get(m.specialistId()).seatReason(country))
                        : m)
                .toList());
        if (guestChaired) {
            for (int i = 0; i < members.size(); i++) {
                if (!members.get(i).guest()) {
                    Panellist chair = members.get(i);
                    members.set(i, new Panellist(chair.specialistId(), chair.name(), chair.discipline(), chair.timeZone(),
                            true, chair.reason() + "; chairs as first directory member (the medical oncologist is a "
                            + "guest, and guests do not chair)", chair.email(), chair.crossBorder(), false));
                    break;
                }
            }
        }
        return new Panel(members, panel.uncovered());
    }
}
