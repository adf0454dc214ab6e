package org.consilium.mdt.panel;

import org.consilium.mdt.directory.Disciplines;
import org.consilium.mdt.directory.Specialist;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses one specialist per requested discipline. Order of preference: someone with room left
 * in their weekly capacity (over capacity only when everyone is), then someone who speaks one of
 * the patient's languages (the patient's first language before their second, and so on), then the
 * lowest load this week, then the id (so the choice is stable). The medical oncologist chairs;
 * without one, the first member does.
 */
@Component
public class PanelComposer {

    /**
     * @param candidates the directory's specialists in (at least) the requested disciplines
     * @param weeklyLoad cases each specialist already sits on in the week of the session, by id
     */
    public Panel compose(List<String> disciplines, List<String> patientLanguages, List<Specialist> candidates,
                         Map<String, Integer> weeklyLoad) {
        List<Choice> choices = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (String discipline : disciplines.stream().distinct().toList()) {
            List<Choice> pool = candidates.stream().filter(s -> s.discipline().equals(discipline))
                    .map(s -> Choice.of(s, weeklyLoad.getOrDefault(s.id(), 0), patientLanguages))
                    .sorted(PREFERENCE).toList();
            if (pool.isEmpty()) {
                uncovered.add(discipline);
            } else {
                choices.add(pool.get(0).explainedAgainst(pool, patientLanguages));
            }
        }
        String chairId = choices.stream().map(Choice::specialist)
                .filter(s -> s.discipline().equals(Disciplines.MEDICAL_ONCOLOGIST)).findFirst()
                .or(() -> choices.stream().map(Choice::specialist).findFirst())
                .map(Specialist::id).orElse(null);
        List<Panellist> members = choices.stream().map(c -> c.toPanellist(c.specialist().id().equals(chairId))).toList();
        return new Panel(members, uncovered);
    }

    private static final Comparator<Choice> PREFERENCE = Comparator.comparing(Choice::hasRoom).reversed()
            .thenComparingInt(Choice::languageRank)
            .thenComparingInt(Choice::load)
            .thenComparing(c -> c.specialist().id());

    /** @param languageRank position in the patient's list of the best language shared; MAX_VALUE if none */
    private record Choice(Specialist specialist, int load, List<String> shared, int languageRank, String reason) {
        static Choice of(Specialist specialist, int load, List<String> patientLanguages) {
            return new Choice(specialist, load, specialist.sharedLanguages(patientLanguages),
                    specialist.languageRank(patientLanguages).orElse(Integer.MAX_VALUE), "");
        }

        boolean hasRoom() {
            return load < specialist.weeklyCapacity();
        }

        boolean speaksPatientLanguage() {
            return !shared.isEmpty();
        }

        Choice explainedAgainst(List<Choice> pool, List<String> patientLanguages) {
            String discipline = specialist.discipline();
            List<String> why = new ArrayList<>();
            if (patientLanguages.isEmpty()) {
                why.add("no patient language given");
            } else if (languageRank == 0) {
                why.add("speaks " + shared.get(0) + ", the patient's first language");
            } else if (speaksPatientLanguage()) {
                why.add("speaks " + shared.get(0) + ", one of the patient's languages (no " + discipline
                        + " with room speaks " + String.join("/", patientLanguages.subList(0, languageRank)) + ")");
            } else {
                boolean someoneSpeaks = pool.stream().anyMatch(Choice::speaksPatientLanguage);
                why.add((someoneSpeaks ? "the " + discipline + "s who speak " : "no " + discipline + " speaks ")
                        + String.join("/", patientLanguages) + (someoneSpeaks ? " are at weekly capacity" : ""));
            }
            why.add(load + " of " + specialist.weeklyCapacity() + " weekly cases booked");
            long peers = pool.stream().filter(c -> c.hasRoom() == hasRoom() && c.languageRank() == languageRank()).count();
            why.add(pool.size() == 1 ? "the only " + discipline + " in the directory"
                    : peers == 1 ? "best match of " + pool.size() + " " + discipline + "s"
                    : "lowest load of " + peers + " equally suited " + discipline + "s");
            if (!hasRoom()) {
                why.add("every " + discipline + " is at weekly capacity");
            }
            return new Choice(specialist, load, shared, languageRank, String.join("; ", why));
        }

        Panellist toPanellist(boolean chair) {
            String chairing = !chair ? ""
                    : specialist.discipline().equals(Disciplines.MEDICAL_ONCOLOGIST) ? "; chairs as medical oncologist"
                    : "; chairs as first member (no medical oncologist on the panel)";
            return new Panellist(specialist.id(), specialist.name(), specialist.discipline(), specialist.timeZone(),
                    chair, reason + chairing);
        }
    }
}
