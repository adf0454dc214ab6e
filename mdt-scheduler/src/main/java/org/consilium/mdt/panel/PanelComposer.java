package org.consilium.mdt.panel;

import org.consilium.mdt.directory.Disciplines;
import org.consilium.mdt.directory.Specialist;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses one specialist per requested discipline.
 * <p>Rules (a specialist failing one is never chosen), in the order they are checked:
 * licensed in the patient's country; not affiliated with the patient's treating institution
 * (conflict of interest); room left in the weekly capacity. A discipline nobody passes is recorded
 * as uncovered with the rule that emptied it ("no licensed specialist", ...).
 * <p>Preferences among those left: available in their own zone for the whole live session; a
 * subspecialist in the case's tumour group; speaks one of the patient's languages (the first
 * before the second, ...); the lowest share of weekly capacity already booked (load balance); the
 * lowest load; the id (so the choice is stable). The medical oncologist chairs; without one, the
 * first member does.
 * <p>Licensure widened (a coordinator's decision for one case, {@link PanelRequest#crossBorderDisciplines()}): in
 * those disciplines a specialist not licensed in the patient's country may sit, but only when no licensed one
 * passes the other rules, so the exception is taken only where it is needed; such a member is marked
 * {@link Panellist#crossBorder()}.
 */
@Component
public class PanelComposer {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    /**
     * @param candidates the directory's specialists in (at least) the requested disciplines
     * @param weeklyLoad cases each specialist already sits on in the week of the session, by id
     */
    public Panel compose(PanelRequest request, List<Specialist> candidates, Map<String, Integer> weeklyLoad) {
        List<Choice> choices = new ArrayList<>();
        List<Panel.Uncovered> uncovered = new ArrayList<>();
        for (String discipline : request.disciplines()) {
            List<Specialist> inDiscipline = candidates.stream().filter(s -> s.discipline().equals(discipline)).toList();
            Optional<String> gap = gap(discipline, inDiscipline, request, weeklyLoad, false);
            // where licensure is widened, a specialist licensed elsewhere sits only when no licensed one is eligible
            boolean acrossBorders = gap.isPresent() && request.acrossBorders(discipline);
            if (acrossBorders) {
                gap = gap(discipline, inDiscipline, request, weeklyLoad, true);
            }
            if (gap.isPresent()) {
                uncovered.add(new Panel.Uncovered(discipline, gap.get()));
                continue;
            }
            List<Choice> pool = inDiscipline.stream()
                    .filter(s -> violation(s, request, weeklyLoad, acrossBorders).isEmpty())
                    .map(s -> Choice.of(s, weeklyLoad.getOrDefault(s.id(), 0), request))
                    .sorted(PREFERENCE).toList();
            choices.add(pool.get(0).explainedAgainst(pool, inDiscipline.size(), request));
        }
        String chairId = chairOf(choices.stream().map(Choice::specialist).toList());
        List<Panellist> members = choices.stream()
                .map(c -> c.toPanellist(c.specialist().id().equals(chairId), request.country())).toList();
        return new Panel(members, uncovered);
    }

    /** The medical oncologist, else the first member; null for no members. */
    public static String chairOf(List<Specialist> members) {
        return members.stream().filter(s -> s.discipline().equals(Disciplines.MEDICAL_ONCOLOGIST)).findFirst()
                .or(() -> members.stream().findFirst()).map(Specialist::id).orElse(null);
    }

    /**
     * The first rule this specialist breaks for this case, if any: the same rules a composed panel
     * obeys, for a coordinator's swap. Where the case's licensure is widened for the specialist's
     * discipline, one licensed elsewhere passes: the coordinator chose them by name.
     */
    public Optional<Violation> violation(Specialist specialist, PanelRequest request, Map<String, Integer> weeklyLoad) {
        return violation(specialist, request, weeklyLoad, request.acrossBorders(specialist.discipline()));
    }

    private Optional<Violation> violation(Specialist specialist, PanelRequest request, Map<String, Integer> weeklyLoad,
                                          boolean licensureWaived) {
        if (!licensureWaived && !specialist.licensedFor(request.country())) {
            return Optional.of(new Violation(Rule.LICENSURE, specialist.name() + " is not licensed in "
                    + request.country() + " (licensed in " + String.join(", ", specialist.licensedIn()) + ")"));
        }
        if (specialist.affiliatedWith(request.treatingInstitution())) {
            return Optional.of(new Violation(Rule.CONFLICT_OF_INTEREST, specialist.name()
                    + " is affiliated with the patient's treating institution " + request.treatingInstitution()));
        }
        int load = weeklyLoad.getOrDefault(specialist.id(), 0);
        if (load >= specialist.weeklyCapacity()) {
            return Optional.of(new Violation(Rule.CAPACITY, specialist.name() + " is at weekly capacity ("
                    + load + " of " + specialist.weeklyCapacity() + " cases booked that week)"));
        }
        return Optional.empty();
    }

    /** The rule that leaves nobody in this discipline, if one does; licensure not checked when waived. */
    private Optional<String> gap(String discipline, List<Specialist> all, PanelRequest request,
                                 Map<String, Integer> weeklyLoad, boolean licensureWaived) {
        if (all.isEmpty()) {
            return Optional.of("no " + discipline + " in the directory");
        }
        List<Specialist> licensed = all.stream().filter(s -> licensureWaived || s.licensedFor(request.country())).toList();
        if (licensed.isEmpty()) {
            return Optional.of("no licensed specialist: none of the " + all.size() + " " + discipline
                    + "s is licensed in " + request.country());
        }
        List<Specialist> free = licensed.stream().filter(s -> !s.affiliatedWith(request.treatingInstitution())).toList();
        if (free.isEmpty()) {
            return Optional.of("conflict of interest: every " + (licensureWaived ? "" : "licensed ") + discipline
                    + (licensureWaived ? " (licensure widened)" : "") + " is affiliated with "
                    + request.treatingInstitution());
        }
        if (free.stream().allMatch(s -> weeklyLoad.getOrDefault(s.id(), 0) >= s.weeklyCapacity())) {
            return Optional.of("at capacity: every eligible " + discipline + " is at weekly capacity");
        }
        return Optional.empty();
    }

    /** A rule of panel composition, with the HTTP status a refused swap gets and a stable slug. */
    public enum Rule {
        LICENSURE(422, "not-licensed"), CONFLICT_OF_INTEREST(422, "conflict-of-interest"), CAPACITY(409, "at-capacity");

        public final int status;
        public final String slug;

        Rule(int status, String slug) {
            this.status = status;
            this.slug = slug;
        }
    }

    public record Violation(Rule rule, String detail) {
    }

    private static final Comparator<Choice> PREFERENCE = Comparator.comparing(Choice::available).reversed()
            .thenComparing(Comparator.comparing(Choice::subspecialist).reversed())
            .thenComparingInt(Choice::languageRank)
            .thenComparingDouble(Choice::share)
            .thenComparingInt(Choice::load)
            .thenComparing(c -> c.specialist().id());

    /**
     * @param available    free for the whole live session (true when there is none)
     * @param languageRank position in the patient's list of the best language shared; MAX_VALUE if none
     */
    private record Choice(Specialist specialist, int load, boolean available, boolean subspecialist,
                          List<String> shared, int languageRank, String reason) {
        static Choice of(Specialist specialist, int load, PanelRequest request) {
            boolean available = request.sessionStart() == null
                    || specialist.availableAt(request.sessionStart(), request.sessionLength());
            return new Choice(specialist, load, available, specialist.hasSubspecialty(request.tumourGroup()),
                    specialist.sharedLanguages(request.patientLanguages()),
                    specialist.languageRank(request.patientLanguages()).orElse(Integer.MAX_VALUE), "");
        }

        double share() {
            return (double) load / specialist.weeklyCapacity();
        }

        boolean speaksPatientLanguage() {
            return !shared.isEmpty();
        }

        Choice explainedAgainst(List<Choice> pool, int inDirectory, PanelRequest request) {
            String discipline = specialist.discipline();
            List<String> patientLanguages = request.patientLanguages();
            List<String> why = new ArrayList<>();
            why.add(request.country() == null ? "licensure not checked (no patient country)"
                    : specialist.licensedFor(request.country()) ? "licensed in " + request.country()
                    : "reviews across borders: not licensed in " + request.country() + " (licensed in "
                    + String.join(", ", specialist.licensedIn()) + "), seated as the coordinator widened licensure for "
                    + discipline + "s on this case and no licensed " + discipline + " is eligible");
            if (request.treatingInstitution() != null && !request.treatingInstitution().isBlank()) {
                why.add("not affiliated with " + request.treatingInstitution());
            }
            if (request.sessionStart() != null) {
                String local = LOCAL.format(ZonedDateTime.ofInstant(request.sessionStart(), ZoneId.of(specialist.timeZone())));
                why.add(available ? "available for the session (" + local + " " + specialist.timeZone() + ")"
                        : "not available at the session (" + local + " " + specialist.timeZone()
                        + "; no eligible " + discipline + " is): gives the opinion in writing");
            }
            if (request.tumourGroup() != null) {
                why.add(subspecialist ? request.tumourGroup() + " subspecialist"
                        : "no " + request.tumourGroup() + " subspecialist among the eligible " + discipline + "s");
            }
            if (patientLanguages.isEmpty()) {
                why.add("no patient language given");
            } else if (languageRank == 0) {
                why.add("speaks " + shared.get(0) + ", the patient's first language");
            } else if (speaksPatientLanguage()) {
                why.add("speaks " + shared.get(0) + ", one of the patient's languages (no better-suited " + discipline
                        + " speaks " + String.join("/", patientLanguages.subList(0, languageRank)) + ")");
            } else {
                boolean someoneSpeaks = pool.stream().anyMatch(Choice::speaksPatientLanguage);
                why.add((someoneSpeaks ? "the eligible " + discipline + "s who speak " : "no eligible " + discipline
                        + " speaks ") + String.join("/", patientLanguages)
                        + (someoneSpeaks ? " are less suited (availability or subspecialty)" : ""));
            }
            why.add(load + " of " + specialist.weeklyCapacity() + " weekly cases booked");
            long peers = pool.stream().filter(c -> c.available() == available && c.subspecialist() == subspecialist
                    && c.languageRank() == languageRank).count();
            int excluded = inDirectory - pool.size();
            why.add((pool.size() == 1 ? "the only eligible " + discipline
                    : peers == 1 ? "best match of " + pool.size() + " eligible " + discipline + "s"
                    : "lowest load of " + peers + " equally suited " + discipline + "s")
                    + (excluded > 0 ? " (" + excluded + " excluded by licensure, conflict of interest or capacity)" : ""));
            return new Choice(specialist, load, available, subspecialist, shared, languageRank, String.join("; ", why));
        }

        /** @param country the patient's: a member not licensed there sits across borders */
        Panellist toPanellist(boolean chair, String country) {
            String chairing = !chair ? ""
                    : specialist.discipline().equals(Disciplines.MEDICAL_ONCOLOGIST) ? "; chairs as medical oncologist"
                    : "; chairs as first member (no medical oncologist on the panel)";
            return new Panellist(specialist.id(), specialist.name(), specialist.discipline(), specialist.timeZone(),
                    chair, reason + chairing, specialist.email(), !specialist.licensedFor(country));
        }
    }
}
