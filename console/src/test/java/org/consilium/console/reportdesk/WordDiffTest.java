package org.consilium.console.reportdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.consilium.console.reportdesk.WordDiff.Kind;
import org.consilium.console.reportdesk.WordDiff.Run;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void aReplacedPhraseIsOneRemovalAndOneAdditionBetweenTheKeptWords() {
        assertThat(WordDiff.of("Neoadjuvant chemo-immunotherapy before lobectomy", "Neoadjuvant chemotherapy alone before lobectomy"))
                .containsExactly(new Run(Kind.KEPT, "Neoadjuvant "), new Run(Kind.REMOVED, "chemo-immunotherapy"),
                        new Run(Kind.ADDED, "chemotherapy alone"), new Run(Kind.KEPT, " before lobectomy"));
    }

    @Test
    void anInsertionAndADeletionAreMarkedWhereTheyAre() {
        assertThat(WordDiff.of("medicine before the operation", "medicine first, before the operation"))
                .containsExactly(new Run(Kind.KEPT, "medicine "), new Run(Kind.ADDED, "first, "),
                        new Run(Kind.KEPT, "before the operation"));
        assertThat(WordDiff.of("shrink the big tumour", "shrink the tumour"))
                .containsExactly(new Run(Kind.KEPT, "shrink the "), new Run(Kind.REMOVED, "big "), new Run(Kind.KEPT, "tumour"));
    }

    @Test
    void lineBreaksAreKeptAndALineAddedToAListIsOneAddition() {
        List<Run> runs = WordDiff.of("• MMR status\n• PET-CT", "• MMR status\n• Brain MRI\n• PET-CT");
        assertThat(runs).filteredOn(run -> !run.kept()).containsExactly(new Run(Kind.ADDED, "• Brain MRI\n"));
        assertThat(String.join("", runs.stream().filter(run -> !run.removed()).map(Run::text).toList()))
                .isEqualTo("• MMR status\n• Brain MRI\n• PET-CT");
    }

    @Test
    void aRewrittenSentenceReadsAsTheOldAndTheNewNotAsConfettiAroundEveryShortWord() {
        assertThat(WordDiff.of("The panel suggests medicine before the operation to shrink the tumour.",
                "The panel suggests medicine first, to shrink the tumour before the operation. Ask your doctor for the tests."))
                .containsExactly(new Run(Kind.KEPT, "The panel suggests medicine "),
                        new Run(Kind.REMOVED, "before the operation to shrink the tumour."),
                        new Run(Kind.ADDED, "first, to shrink the tumour before the operation. Ask your doctor for the tests."));
    }

    @Test
    void theSameTextIsOneKeptRunAndEmptyToTextIsOneAddition() {
        assertThat(WordDiff.of("same words", "same words")).containsExactly(new Run(Kind.KEPT, "same words"));
        assertThat(WordDiff.of("", "new text")).containsExactly(new Run(Kind.ADDED, "new text"));
        assertThat(WordDiff.of(null, "")).isEmpty();
    }

    @Test
    void bothTextsAreWhollyRebuiltFromTheRuns() {
        String before = "The panel suggests medicine before the operation to shrink the tumour. Then surgery.";
        String after = "The panel suggests chemotherapy and immunotherapy before the operation, to shrink the tumour first.";
        List<Run> runs = WordDiff.of(before, after);
        assertThat(String.join("", runs.stream().filter(run -> !run.added()).map(Run::text).toList())).isEqualTo(before);
        assertThat(String.join("", runs.stream().filter(run -> !run.removed()).map(Run::text).toList())).isEqualTo(after);
    }
}
