package org.consilium.mdt.review;

import org.consilium.mdt.panel.Panellist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the pre-meeting opinions of a panel part ways.
 *
 * @param disagrees        some members agree with the first opinion and some do not, or their recommendations differ
 * @param agree            members who agree with the first opinion
 * @param differ           members who do not
 * @param awaiting         members without an opinion yet
 * @param recommendations  the distinct recommendations, with the disciplines giving each
 * @param lowConfidence    members unsure of their opinion (LOW confidence), as "name (discipline)"
 * @param informationMissing what members say is still missing, as "discipline: text"
 * @param points           the above as sentences for the meeting
 */
public record Disagreement(boolean disagrees, int agree, int differ, int awaiting,
                           Map<String, List<String>> recommendations, List<String> lowConfidence,
                           List<String> informationMissing, List<String> points) {

    static Disagreement of(List<Panellist> panel, List<Opinion> opinions) {
        int agree = (int) opinions.stream().filter(Opinion::agreesWithFirstOpinion).count();
        int differ = opinions.size() - agree;
        int awaiting = (int) panel.stream().filter(m -> opinions.stream()
                .noneMatch(o -> o.specialistId().equals(m.specialistId()))).count();
        Map<String, List<String>> recommendations = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        for (Opinion o : opinions) {
            String key = o.recommendation().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String shown = firstSpelling.computeIfAbsent(key, k -> o.recommendation().trim());
            recommendations.computeIfAbsent(shown, k -> new ArrayList<>()).add(o.discipline());
        }
        List<String> low = opinions.stream().filter(o -> o.confidence() == Confidence.LOW)
                .map(o -> name(panel, o) + " (" + o.discipline() + ")").toList();
        List<String> missing = opinions.stream()
                .filter(o -> o.informationMissing() != null && !o.informationMissing().isBlank())
                .map(o -> o.discipline() + ": " + o.informationMissing().trim()).toList();
        boolean split = agree > 0 && differ > 0;
        boolean disagrees = split || recommendations.size() > 1;
        List<String> points = new ArrayList<>();
        if (split) {
            points.add(agree + " agree with the first opinion, " + differ + " do not");
        } else if (!opinions.isEmpty()) {
            points.add("all " + opinions.size() + " " + (agree > 0 ? "agree" : "disagree") + " with the first opinion");
        }
        if (recommendations.size() > 1) {
            points.add(recommendations.size() + " different recommendations: " + String.join(" / ",
                    recommendations.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                            .toList()));
        }
        if (!low.isEmpty()) {
            points.add("low confidence: " + String.join(", ", low));
        }
        if (!missing.isEmpty()) {
            points.add("information still missing: " + String.join("; ", missing));
        }
        if (awaiting > 0) {
            points.add(awaiting + " opinion" + (awaiting == 1 ? "" : "s") + " still awaited");
        }
        return new Disagreement(disagrees, agree, differ, awaiting, recommendations, low, missing, points);
    }

    private static String name(List<Panellist> panel, Opinion opinion) {
        return panel.stream().filter(m -> m.specialistId().equals(opinion.specialistId())).map(Panellist::name)
                .findFirst().orElse(opinion.specialistId());
    }
}
