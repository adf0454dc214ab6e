package org.consilium.console.reportdesk;

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
        return List.of(
                new Part("verdict", "Compared with the first opinion", "both", s.confirmsFirstOpinion()
                        ? "The panel confirms the first opinion." : "The panel's recommendation differs from the first opinion."),
                new Part("recommendation", "The panel's recommendation", "clinician version", text(s.recommendation())),
                new Part("plain", "In plain words", "plain-language version, for the patient", text(s.plainLanguageSummary())),
                new Part("difference", "What led to the difference", "both", text(s.differenceExplanation())),
                new Part("dissent", "Different views within the panel", "clinician version", lines(s.dissent())),
                new Part("concerns", "Answers to the patient's own concerns", "both", s.concerns().stream()
                        .map(c -> "Concern: " + text(c.concern()) + "\nAnswer: " + text(c.answer()))
                        .collect(Collectors.joining("\n\n"))),
                new Part("comparison", "Comparison with the first opinion, in detail", "clinician version", comparison(s.comparison())),
                new Part("missing", "Information still missing", "both", lines(s.stillMissing())),
                new Part("supportive", "Supportive care (alongside, never instead of, oncology treatment)", "both",
                        lines(s.supportiveCare())));
    }

    /** Only the parts this version addresses: what the page shows as the version's text. */
    public static List<Part> shown(Sections s) {
        return of(s).stream().filter(part -> !part.blank()).toList();
    }

    private static String comparison(Comparison c) {
        if (c == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (c.pathologyReadDifferently() != null) {
            lines.add("Pathology read differently: " + c.pathologyReadDifferently());
        }
        if (c.imagingReadDifferently() != null) {
            lines.add("Imaging read differently: " + c.imagingReadDifferently());
        }
        if (c.bothOptionsReasonable() != null) {
            lines.add("Both options medically reasonable: " + (c.bothOptionsReasonable() ? "yes" : "no"));
        }
        c.benefitsAndRisks().forEach(o -> lines.add("Option “" + o.option() + "”: benefits: " + o.benefits()
                + "; risks: " + o.risks()));
        if (c.jointDiscussionHelpful() != null) {
            lines.add("A joint discussion with the treating team would help: " + (c.jointDiscussionHelpful() ? "yes" : "no"));
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
