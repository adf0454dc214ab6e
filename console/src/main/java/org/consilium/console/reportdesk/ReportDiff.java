package org.consilium.console.reportdesk;

import org.consilium.console.language.StaffWords;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.consilium.console.reportdesk.ReportState.Version;
import org.consilium.console.reportdesk.ReportText.Part;

/**
 * What changed from one version of the report to another, part by part, word by word. The page marks a removal and
 * an addition by more than colour: struck through or underlined, with a sign, and words for a screen reader.
 */
public record ReportDiff(Version from, Version to, List<PartDiff> parts) {

    /** One part of the report compared; unchanged parts say so and show no text. */
    public record PartDiff(String key, String title, String audience, List<WordDiff.Run> runs) {
        public boolean changed() {
            return runs.stream().anyMatch(run -> !run.kept());
        }

        public int wordsAdded() {
            return runs.stream().filter(WordDiff.Run::added).mapToInt(WordDiff.Run::words).sum();
        }

        public int wordsRemoved() {
            return runs.stream().filter(WordDiff.Run::removed).mapToInt(WordDiff.Run::words).sum();
        }

        /** "3 words added, 1 removed": the change in words, for the part's heading. */
        public String summary() {
            if (!changed()) {
                return "unchanged";
            }
            return wordsAdded() + (wordsAdded() == 1 ? " word" : " words") + " added, " + wordsRemoved() + " removed";
        }

        /** The same in the page's language. */
        public String summary(StaffWords words) {
            if (!changed()) {
                return words.say("report.diff.unchanged");
            }
            return words.say(wordsAdded() == 1 ? "report.diff.word" : "report.diff.words", wordsAdded(), wordsRemoved());
        }

        /** The part's title in the page's language. */
        public String title(StaffWords words) {
            return words.sayOr("report.part." + key, title);
        }

        /** Who reads it, in the page's language. */
        public String audience(StaffWords words) {
            return words.sayOr("report.audience." + ("clinician version".equals(audience) ? "clinician"
                    : "both".equals(audience) ? "both" : "plain"), audience);
        }
    }

    public static ReportDiff of(Version from, Version to) {
        Map<String, Part> before = byKey(ReportText.of(from.sections()));
        Map<String, Part> after = byKey(ReportText.of(to.sections()));
        List<PartDiff> parts = ReportText.KEYS.stream()
                .filter(key -> !before.get(key).blank() || !after.get(key).blank())
                .map(key -> new PartDiff(key, after.get(key).title(), after.get(key).audience(),
                        WordDiff.of(before.get(key).text(), after.get(key).text())))
                .toList();
        return new ReportDiff(from, to, parts);
    }

    public boolean changed() {
        return parts.stream().anyMatch(PartDiff::changed);
    }

    public long partsChanged() {
        return parts.stream().filter(PartDiff::changed).count();
    }

    private static Map<String, Part> byKey(List<Part> parts) {
        return parts.stream().collect(Collectors.toMap(Part::key, Function.identity()));
    }
}
