package org.consilium.console.reportdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diff of two texts, line by line and then word by word within the changed lines (longest common subsequences), as
 * runs of kept, removed and added text. Common starts and ends are cut first, so a small edit of a long text stays cheap; a
 * comparison too large for the table is shown as the whole old text removed and the new one added.
 */
public final class WordDiff {
    private static final Pattern LINES = Pattern.compile("[^\\n]*\\n|[^\\n]+");
    private static final Pattern TOKENS = Pattern.compile("\\n|[^\\S\\n]+|[^\\s]+");
    /** Cells of the LCS table: ~4,000 words by ~4,000 words of changed middle would be 16 M; a report part is far less. */
    private static final long MAX_CELLS = 4_000_000;
    /** A kept run this short between two changes is shown as part of them. */
    private static final int JOINED_WORDS = 2;

    public enum Kind { KEPT, REMOVED, ADDED }

    public record Run(Kind kind, String text) {
        public boolean kept() {
            return kind == Kind.KEPT;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        /** Words in this run (spaces and line breaks are not counted). */
        int words() {
            return text.isBlank() ? 0 : text.strip().split("\\s+").length;
        }
    }

    private WordDiff() {
    }

    /**
     * Lines first (a line added to a list is that line added), then words within the lines that changed (a word changed
     * in a paragraph is that word).
     */
    public static List<Run> of(String before, String after) {
        List<Run> lines = compare(split(before, LINES), split(after, LINES));
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Run run = lines.get(i);
            Run next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            if (next != null && (run.removed() && next.added() || run.added() && next.removed())) {
                Run removed = run.removed() ? run : next;
                Run added = run.added() ? run : next;
                compare(split(removed.text(), TOKENS), split(added.text(), TOKENS))
                        .forEach(word -> add(runs, word.kind(), word.text()));
                i++;
            } else {
                add(runs, run.kind(), run.text());
            }
        }
        return tidy(runs);
    }

    /** The longest common subsequence of two token lists, as runs; common starts and ends are cut first. */
    private static List<Run> compare(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Run> runs = new ArrayList<>();
        add(runs, Kind.KEPT, a.subList(0, start));
        middle(runs, a.subList(start, endA), b.subList(start, endB));
        add(runs, Kind.KEPT, a.subList(endA, a.size()));
        return runs;
    }

    /**
     * "Neoadjuvant chemo" → "Adjuvant immuno" reads as one removal and one addition, not four changes around a kept
     * space; a sentence rewritten reads as the old sentence and the new one, not as confetti around every "the". So a
     * kept run of at most two words on one line, between two changes, joins them (it goes into both sides).
     */
    private static List<Run> tidy(List<Run> runs) {
        List<Run> tidy = new ArrayList<>();
        int i = 0;
        while (i < runs.size()) {
            if (runs.get(i).kept()) {
                tidy.add(runs.get(i++));
                continue;
            }
            StringBuilder removed = new StringBuilder();
            StringBuilder added = new StringBuilder();
            while (i < runs.size()) {
                Run run = runs.get(i);
                boolean joining = run.kept() && run.words() <= JOINED_WORDS && !run.text().contains("\n")
                        && i + 1 < runs.size() && !runs.get(i + 1).kept();
                if (run.removed()) {
                    removed.append(run.text());
                } else if (run.added()) {
                    added.append(run.text());
                } else if (joining) {
                    removed.append(run.text());
                    added.append(run.text());
                } else {
                    break;
                }
                i++;
            }
            if (!removed.isEmpty() && !removed.toString().isBlank()) {
                tidy.add(new Run(Kind.REMOVED, removed.toString()));
            }
            if (!added.isEmpty() && !added.toString().isBlank()) {
                tidy.add(new Run(Kind.ADDED, added.toString()));
            }
        }
        return tidy;
    }

    private static void middle(List<Run> runs, List<String> a, List<String> b) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(runs, Kind.REMOVED, a);
            add(runs, Kind.ADDED, b);
            return;
        }
        // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(runs, Kind.KEPT, a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                add(runs, Kind.ADDED, b.get(j++));
            } else {
                add(runs, Kind.REMOVED, a.get(i++));
            }
        }
    }

    private static void add(List<Run> runs, Kind kind, List<String> tokens) {
        tokens.forEach(token -> add(runs, kind, token));
    }

    /** Appends to the last run when it is of the same kind. */
    private static void add(List<Run> runs, Kind kind, String token) {
        if (!runs.isEmpty() && runs.get(runs.size() - 1).kind() == kind) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(kind, last.text() + token));
        } else {
            runs.add(new Run(kind, token));
        }
    }

    private static List<String> split(String text, Pattern pattern) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
