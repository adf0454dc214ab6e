package org.consilium.mdt.panel;

import java.util.List;
import java.util.Optional;

/** The members found for a case, one per discipline, and the disciplines nobody could cover. */
public record Panel(List<Panellist> members, List<String> uncoveredDisciplines) {
    public Panel {
        members = List.copyOf(members);
        uncoveredDisciplines = List.copyOf(uncoveredDisciplines);
    }

    public Optional<Panellist> chair() {
        return members.stream().filter(Panellist::chair).findFirst();
    }
}
