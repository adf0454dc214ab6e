package org.consilium.notification.checklist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTitlesTest {
    /** The checklist the codes come from: records-service's rules (this module's tests run in its own folder). */
    static final Path CHECKLIST_RULES = Path.of("../records-service/src/main/resources/checklist-rules.yaml");

    static Set<String> checklistCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        Matcher code = Pattern.compile("\\{code: ([a-z0-9-]+)").matcher(Files.readString(CHECKLIST_RULES));
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertThat(codes).hasSizeGreaterThan(30);
        return codes;
    }

    /** A new checklist item needs a title in every language a reminder is written in, or a reader sees its code. */
    @ParameterizedTest
    @ValueSource(strings = {"", "_zh", "_ar", "_pt", "_es", "_id"})
    void everyChecklistCodeHasATitleInEveryLanguage(String suffix) throws IOException {
        Properties titles = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/checklist/titles" + suffix + ".properties"))) {
            titles.load(in);
        }
        for (String code : checklistCodes()) {
            assertThat(titles.getProperty("item." + code)).as("title of " + code + " in titles" + suffix).isNotBlank();
        }
    }

    @Test
    void aCodeIsTitledInTheReadersLanguageAndFreeTextStaysAsWritten() {
        assertThat(RecordTitles.title("brain-mri", Locale.forLanguageTag("pt-BR")))
                .isEqualTo("Ressonância magnética do cérebro: relatório e imagens");
        assertThat(RecordTitles.title(" Brain-MRI ", Locale.ENGLISH)).isEqualTo("Brain MRI: report and images");
        assertThat(RecordTitles.title("brain-mri", Locale.forLanguageTag("ms"))).isEqualTo("Brain MRI: report and images");
        assertThat(RecordTitles.title("EGFR/ALK results", Locale.ENGLISH)).isEqualTo("EGFR/ALK results");
    }

    @Test
    void missingRecordsComeFirstThenTheOutOfDateOnesAndTheOldMarkIsStillUnderstood() {
        assertThat(MissingRecord.of(Map.of("missing", "brain-mri; pet-ct", "stale", "cea"), Locale.ENGLISH))
                .containsExactly(new MissingRecord("Brain MRI: report and images", false),
                        new MissingRecord("PET-CT scan: report and images", false),
                        new MissingRecord("CEA tumour marker (blood test)", true));
        // commands sent before the process sent "stale" (still on the topic at the upgrade)
        assertThat(MissingRecord.of(Map.of("missing", "pathology-report; cea (out of date)"), Locale.ENGLISH))
                .extracting(MissingRecord::outOfDate).containsExactly(false, true);
        assertThat(MissingRecord.of(Map.of(), Locale.ENGLISH)).isEqualTo(List.of());
    }
}
