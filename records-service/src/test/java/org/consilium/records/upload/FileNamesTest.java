package org.consilium.records.upload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegmentWithoutControlCharactersOrQuotes() {
        assertThat(FileNames.sanitise("C:\\fakepath\\scan.pdf")).isEqualTo("scan.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("a\"b\r\n.pdf")).isEqualTo("ab.pdf");
        assertThat(FileNames.sanitise("  ")).isEqualTo("document");
        assertThat(FileNames.sanitise("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
    }

    @Test
    void writesAsciiNamesPlainAndOthersWithAnRfc5987Form() {
        assertThat(FileNames.attachment("ct report.pdf")).isEqualTo("attachment; filename=\"ct report.pdf\"");
        assertThat(FileNames.attachment("Befund ü.pdf"))
                .isEqualTo("attachment; filename=\"Befund _.pdf\"; filename*=UTF-8''Befund%20%C3%BC.pdf");
        assertThat(FileNames.attachment("病理.pdf")).endsWith("filename*=UTF-8''%E7%97%85%E7%90%86.pdf");
    }
}
