package org.consilium.records.intake;

import org.consilium.events.RequestRecords;
import org.consilium.events.Urgency;
import org.consilium.records.checklist.ChecklistItem;
import org.consilium.records.checklist.ChecklistRules;
import org.consilium.records.collection.CaseRecords;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCodesTest {
    private static final ChecklistRules RULES = load("/checklist-rules.yaml", ChecklistRules::read);
    private static final DocumentCodes CODES = load("/document-codes.yaml", DocumentCodes::read);
    private static final String LOINC = "http://loinc.org|";

    @Test
    void everyMappedItemIsOnSomeChecklist() {
        Set<String> items = Stream.concat(RULES.cancerTypes().stream().map(RULES::checklistFor), Stream.of(RULES.fallback()))
                .flatMap(c -> c.items().stream()).map(ChecklistItem::code).collect(Collectors.toSet());
        assertThat(items).containsAll(CODES.mentionedItems());
    }

    @Test
    void theFirstCandidateOnTheCasesChecklistIsFilled() {
        assertThat(CODES.itemFor(List.of(LOINC + "24627-2"), records("lung"))).contains("ct-chest-abdomen");
        assertThat(CODES.itemFor(List.of(LOINC + "24627-2"), records("colorectal"))).contains("ct-chest-abdomen-pelvis");
        assertThat(CODES.itemFor(List.of(LOINC + "24627-2"), records("breast"))).contains("staging-imaging");
        assertThat(CODES.itemFor(List.of(LOINC + "24627-2"), records("rare sarcoma"))).as("fallback checklist")
                .contains("imaging-reports");
        assertThat(CODES.itemFor(List.of(LOINC + "2039-6"), records("colorectal"))).contains("cea");
        assertThat(CODES.itemFor(List.of(LOINC + "2039-6"), records("rare sarcoma"))).contains("lab-results");
        assertThat(CODES.itemFor(List.of(LOINC + "10160-0"), records("prostate"))).contains("current-medications");
    }

    @Test
    void anItemNamedBySenderWinsAndUnknownCodesFillNothing() {
        String named = CODES.itemSystem() + "|treatment-history";
        assertThat(CODES.itemFor(List.of(LOINC + "11526-1", named), records("lung"))).contains("treatment-history");
        assertThat(CODES.itemFor(List.of(CODES.itemSystem() + "|pet-ct", LOINC + "11526-1"), records("breast")))
                .as("named item not on this checklist: the codes decide").contains("pathology-report");
        assertThat(CODES.itemFor(List.of(LOINC + "99999-9", "http://snomed.info/sct|123"), records("lung"))).isEmpty();
        assertThat(CODES.itemFor(List.of(), records("lung"))).isEmpty();
    }

    @Test
    void aMalformedMappingStopsStartUp() {
        assertThatThrownBy(() -> DocumentCodes.read(yaml("itemSystem: x\ncodes:\n  \"11526-1\": [pathology-report]\n")))
                .hasMessageContaining("system|code");
        assertThatThrownBy(() -> DocumentCodes.read(yaml("itemSystem: x\ncodes:\n  \"a|b\": []\n")))
                .hasMessageContaining("at least one item");
        assertThatThrownBy(() -> DocumentCodes.read(yaml("codes: {}\n"))).hasMessageContaining("itemSystem");
    }

    private static CaseRecords records(String cancerType) {
        return CaseRecords.request(new RequestRecords("case-1", cancerType, Urgency.ROUTINE, Instant.now()), "cmd-1",
                RULES.checklistFor(cancerType), Instant.now());
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T load(String resource, java.util.function.Function<InputStream, T> reader) {
        try (InputStream in = DocumentCodesTest.class.getResourceAsStream(resource)) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
