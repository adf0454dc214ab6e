package org.consilium.console.reportdesk;

import org.consilium.console.language.StaffWords;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.reportdesk.ReportState.Version;
import org.consilium.console.reportdesk.ReportText.Part;

/**
 * The case page's report section: the versions and their text, a diff between two of them, and the edit form (as
 * typed, after a refusal).
 *
 * @param report      null when there is none yet ({@code absent} says why)
 * @param diff        null with fewer than two versions
 * @param edit        the edit form's values: the current version's, or what was typed when it was refused
 * @param fieldErrors the refused edit's complaints by input name
 * @param editRefusal the refused edit's reason when it names no field; "" otherwise
 */
public record ReportSection(ReportState report, String absent, ReportDiff diff, ReportEdit edit,
                            Map<String, String> fieldErrors, String editRefusal, Integer savedMeanwhile) {

    static ReportSection none(String absent) {
        return new ReportSection(null, absent, null, null, Map.of(), "", null);
    }

    public boolean present() {
        return report != null;
    }

    /** The current version's text, part by part. */
    public List<Part> currentText() {
        return currentText(StaffWords.ENGLISH);
    }

    public List<Part> currentText(StaffWords words) {
        return ReportText.shown(report.current().sections(), words);
    }

    /** Every version but the current one, newest first: each readable on its own. */
    public List<Version> earlierVersions() {
        return report.history().stream().filter(v -> v.number() != report.current().number())
                .sorted(java.util.Comparator.comparingInt(Version::number).reversed()).toList();
    }

    public List<Part> text(Version version) {
        return text(version, StaffWords.ENGLISH);
    }

    public List<Part> text(Version version, StaffWords words) {
        return ReportText.shown(version.sections(), words);
    }

    public boolean editRefused() {
        return !fieldErrors.isEmpty() || !editRefusal.isEmpty();
    }

    public Optional<String> error(String field) {
        return Optional.ofNullable(fieldErrors.get(field));
    }

    /** The complaints as a list for the summary at the form's top: input name → message. */
    public List<Map.Entry<String, String>> errors() {
        return List.copyOf(fieldErrors.entrySet());
    }

    /** The element id of the input named {@code name} ({@code concerns[0].answer} → {@code report-concerns-0-answer}). */
    public String inputId(String name) {
        return "report-" + name.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** The words the form labels an input with, for the summary of what was refused. */
    public String label(String name) {
        return label(name, StaffWords.ENGLISH);
    }

    /** The same in the page's language. */
    public String label(String name, StaffWords words) {
        if (name.startsWith("concerns[")) {
            String index = name.substring("concerns[".length(), name.indexOf(']'));
            return words.say(name.endsWith(".answer") ? "report.label.concernAnswer" : "report.label.concernWords",
                    Integer.parseInt(index) + 1);
        }
        return LABELS.containsKey(name) ? words.say("report.section." + name) : name;
    }

    private static final Map<String, String> LABELS = Map.of(
            "confirmsFirstOpinion", "Compared with the first opinion",
            "recommendation", "The panel's recommendation",
            "plainLanguageSummary", "In plain words",
            "differenceExplanation", "What led to the difference",
            "dissent", "Different views within the panel",
            "stillMissing", "Information still missing",
            "supportiveCare", "Supportive care",
            "reason", "Why you edit it",
            "basedOnVersion", "The version your edit starts from");
}
