package org.consilium.events.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void refusesControlsBidiControlsAndUnpairedSurrogates() {
        assertThat(PlainText.problem("Budi\u0007")).isEqualTo("must not contain the control character U+0007 (character 5)");
        assertThat(PlainText.problem("a\u0085b")).contains("U+0085");
        assertThat(PlainText.problem("x\u007F")).contains("U+007F");
        assertThat(PlainText.problem("report\u202Efdp.exe")).contains("bidirectional control U+202E");
        assertThat(PlainText.problem("\u2066x\u2069")).contains("U+2066");
        assertThat(PlainText.problem("a\uD800b")).contains("unpaired surrogate U+D800");
        assertThat(PlainText.problem("a\uDC00")).contains("U+DC00");
    }

    @Test
    void allowsFreeTextLineBreaksEmojiAndDirectionMarks() {
        assertThat(PlainText.problem("line one\r\nline two\ttab")).isNull();
        assertThat(PlainText.problem("😀 Layla \u200F\u0644\u064A\u0644\u0649\u200E and \u061C")).isNull();
        assertThat(PlainText.problem(null)).isNull();
    }

    @Test
    void aSingleLineRefusesLineBreaksAndTabsToo() {
        assertThat(PlainText.problemInLine("Budi\nSantoso")).isEqualTo("must not contain a line break U+000A (character 5)");
        assertThat(PlainText.problemInLine("a\tb")).contains("a tab U+0009");
        assertThat(PlainText.problemInLine("😀 scan.pdf")).isNull();
    }

    @Test
    void positionsCountCodePoints() {
        assertThat(PlainText.problem("😀😀\u0000")).endsWith("(character 3)");
    }
}
