package org.consilium.console.reportdesk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.console.reportdesk.ReportState.Comparison;
import org.consilium.console.reportdesk.ReportState.Concern;
import org.consilium.console.reportdesk.ReportState.Sections;
import org.consilium.console.reportdesk.ReportState.Version;
import org.springframework.util.MultiValueMap;

/**
 * The report's edit form as typed: prefilled from the version it starts from, sent as mdt-scheduler's
 * {@code PUT /reviews/{caseId}/report} (the whole content of the next version), and kept whole when refused, so nothing
 * typed is lost. Input names are the API's field names, so its validation problem lands next to the right input.
 * Lists are one item a line. The detailed comparison is carried over from the version the edit starts from (the
 * form shows it, the API edits it).
 *
 * @param basedOnVersion the version the coordinator started from: mdt-scheduler refuses the edit (409) when another
 *                       version was saved meanwhile
 * @param confirmsFirstOpinion null when the form sent neither answer
 */
public record ReportEdit(Integer basedOnVersion, String reason, Boolean confirmsFirstOpinion, String recommendation,
                         String plainLanguageSummary, String differenceExplanation, String dissent,
                         List<Concern> concerns, String stillMissing, String supportiveCare) {
    /** mdt-scheduler takes at most 20 concerns. */
    private static final int MAX_CONCERNS = 20;

    public static ReportEdit startingFrom(Version version) {
        Sections s = version.sections();
        return new ReportEdit(version.number(), "", s.confirmsFirstOpinion(), s.recommendation(), s.plainLanguageSummary(),
                s.differenceExplanation() == null ? "" : s.differenceExplanation(), String.join("\n", s.dissent()),
                s.concerns(), String.join("\n", s.stillMissing()), String.join("\n", s.supportiveCare()));
    }

    /** The form as posted; a version number that is not one is kept as null (the page then starts from the current). */
    public static ReportEdit of(MultiValueMap<String, String> form) {
        List<Concern> concerns = new ArrayList<>();
        for (int i = 0; i < MAX_CONCERNS && form.containsKey("concerns[" + i + "].answer"); i++) {
            concerns.add(new Concern(value(form, "concerns[" + i + "].concern"), value(form, "concerns[" + i + "].answer")));
        }
        String confirms = form.getFirst("confirmsFirstOpinion");
        return new ReportEdit(number(form.getFirst("basedOnVersion")), value(form, "reason"),
                confirms == null ? null : Boolean.valueOf(confirms), value(form, "recommendation"),
                value(form, "plainLanguageSummary"), value(form, "differenceExplanation"), value(form, "dissent"),
                concerns, value(form, "stillMissing"), value(form, "supportiveCare"));
    }

    /** The same text, now based on {@code version}: after a conflict the coordinator saves over what they have seen. */
    public ReportEdit basedOn(int version) {
        return new ReportEdit(version, reason, confirmsFirstOpinion, recommendation, plainLanguageSummary,
                differenceExplanation, dissent, concerns, stillMissing, supportiveCare);
    }

    /** The body of {@code PUT /reviews/{caseId}/report}, written by {@code editor}, the comparison carried over. */
    Map<String, Object> request(String editor, Comparison comparison) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("editor", editor);
        body.put("reason", reason);
        body.put("basedOnVersion", basedOnVersion);
        body.put("confirmsFirstOpinion", confirmsFirstOpinion);
        body.put("recommendation", recommendation);
        body.put("plainLanguageSummary", plainLanguageSummary);
        body.put("differenceExplanation", differenceExplanation.isBlank() ? null : differenceExplanation);
        body.put("dissent", lines(dissent));
        body.put("concerns", concerns);
        body.put("comparison", comparison);
        body.put("stillMissing", lines(stillMissing));
        body.put("supportiveCare", lines(supportiveCare));
        return body;
    }

    public boolean confirms() {
        return Boolean.TRUE.equals(confirmsFirstOpinion);
    }

    public boolean differs() {
        return Boolean.FALSE.equals(confirmsFirstOpinion);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.startsWith("• ") ? line.substring(2).strip() : line).toList();
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
