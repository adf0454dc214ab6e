package org.consilium.mdt.panel;

import java.util.List;
import java.util.Optional;

/** The members found for a case, one per discipline, and the disciplines nobody could cover, with why. */
public record Panel(List<Panellist> members, List<Uncovered> uncovered) {
    public Panel {
        members = List.copyOf(members);
        uncovered = List.copyOf(uncovered);
    }

    public Optional<Panellist> chair() {
        return members.stream().filter(Panellist::chair).findFirst();
    }

    public List<String> uncoveredDisciplines() {
        return uncovered.stream().map(Uncovered::discipline).toList();
    }

    /** A requested discipline left without a member, and the rule that left it so. */
    public record Uncovered(String discipline, String reason) {
    }
}
