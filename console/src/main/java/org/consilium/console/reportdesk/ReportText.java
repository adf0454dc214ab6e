package org.consilium.console.reportdesk;

import org.consilium.console.language.StaffWords;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.consilium.console.reportdesk.ReportState.Comparison;
import org.consilium.console.reportdesk.ReportState.Sections;

/**
 * A version's content as titled parts of plain text, in the order the report reads (mdt-scheduler's Composition):
 * what the coordinator reads on the case page and on the confirmation, and what the diff compares part by part.
 * Lists become one line per item, so a line-level change reads as one.
 */
public final class ReportText {

    /**
     * @param key      stable across versions, so two versions' parts pair up for the diff
     * @param audience who reads it: the clinician version, the patient's plain-language one, or both
     */
    public record Part(String key, String title, String audience, String text) {
        public boolean blank() {
            return text.isBlank();
        }
    }

    /** The parts in reading order; a part may be blank (not addressed in this version). */
    static final List<String> KEYS = List.of("verdict", "recommendation", "plain", "difference", "dissent", "concerns",
            "comparison", "missing", "supportive");

    private ReportText() {
    }

    public static List<Part> of(Sections s) {
        return of(s, StaffWords.ENGLISH);
    }

    /**
     * The parts with their titles, audiences and the words the console adds (the verdict, "Concern:") in the page's
     * language; what the panel wrote stays as written.
     */
    public static List<Part> of(Sections s, StaffWords w) {
        String clinician = w.say("report.audience.clinician");
        String both = w.say("report.audience.both");
        return List.of(
                new Part("verdict", w.say("report.part.verdict"), both, w.say(s.confirmsFirstOpinion()
                        ? "report.verdict.confirms" : "report.verdict.differs")),
                new Part("recommendation", w.say("report.part.recommendation"), clinician, text(s.recommendation())),
                new Part("plain", w.say("report.part.plain"), w.say("report.audience.plain"), text(s.plainLanguageSummary())),
                new Part("difference", w.say("report.part.difference"), both, text(s.differenceExplanation())),
                new Part("dissent", w.say("report.part.dissent"), clinician, lines(s.dissent())),
                new Part("concerns", w.say("report.part.concerns"), both, s.concerns().stream()
                        .map(c -> w.say("report.concern", text(c.concern()), text(c.answer())))
                        .collect(Collectors.joining("\n\n"))),
                new Part("comparison", w.say("report.part.comparison"), clinician, comparison(s.comparison(), w)),
                new Part("missing", w.say("report.part.missing"), both, lines(s.stillMissing())),
                new Part("supportive", w.say("report.part.supportive"), both, lines(s.supportiveCare())));
    }

    /** Only the parts this version addresses: what the page shows as the version's text. */
    public static List<Part> shown(Sections s) {
        return shown(s, StaffWords.ENGLISH);
    }

    public static List<Part> shown(Sections s, StaffWords words) {
        return of(s, words).stream().filter(part -> !part.blank()).toList();
    }

    private static String comparison(Comparison c, StaffWords w) {
        if (c == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (c.pathologyReadDifferently() != null) {
            lines.add(w.say("report.comparison.pathology", c.pathologyReadDifferently()));
        }
        if (c.imagingReadDifferently() != null) {
            lines.add(w.say("report.comparison.imaging", c.imagingReadDifferently()));
        }
        if (c.bothOptionsReasonable() != null) {
            lines.add(w.say("report.comparison.bothReasonable", w.say(c.bothOptionsReasonable() ? "yes" : "no")));
        }
        c.benefitsAndRisks().forEach(o -> lines.add(w.say("report.comparison.option", o.option(), o.benefits(), o.risks())));
        if (c.jointDiscussionHelpful() != null) {
            lines.add(w.say("report.comparison.joint", w.say(c.jointDiscussionHelpful() ? "yes" : "no")));
        }
        return String.join("\n", lines);
    }

    private static String lines(List<String> items) {
        return items.stream().map(item -> "• " + item).collect(Collectors.joining("\n"));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
