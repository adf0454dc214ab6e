package org.consilium.records.checklist;

import org.consilium.events.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecklistRulesTest {
    private static final List<String> BRIEF_TYPES = List.of("lung", "breast", "colorectal", "gastric", "oesophageal",
            "liver", "pancreatic", "prostate", "lymphoma", "head-and-neck");
    private static final ChecklistRules RULES = load();

    private static ChecklistRules load() {
        try (InputStream yaml = ChecklistRulesTest.class.getResourceAsStream("/checklist-rules.yaml")) {
            return ChecklistRules.read(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Checklist> everyChecklist() {
        List<Checklist> all = new ArrayList<>(RULES.cancerTypes().stream().map(RULES::checklistFor).toList());
        all.add(RULES.fallback());
        return all;
    }

    @Test
    void coversEveryCancerTypeOfTheBrief() {
        assertThat(RULES.cancerTypes()).containsAll(BRIEF_TYPES);
        BRIEF_TYPES.forEach(type -> assertThat(RULES.checklistFor(type).rule()).isEqualTo(type));
    }

    @Test
    void everyChecklistRequiresPathologyAndImaging() {
        assertThat(everyChecklist()).allSatisfy(checklist -> {
            assertThat(checklist.required()).as(checklist.rule() + " required pathology")
                    .anyMatch(i -> i.category() == ItemCategory.PATHOLOGY);
            assertThat(checklist.required()).as(checklist.rule() + " required imaging")
                    .anyMatch(i -> i.category() == ItemCategory.IMAGING);
        });
    }

    @Test
    void everyCaseTakesTheFirstOpinionAndCurrentMedications() {
        assertThat(everyChecklist()).allSatisfy(checklist -> {
            assertThat(checklist.item("first-opinion")).get().extracting(ChecklistItem::required).isEqualTo(true);
            assertThat(checklist.item("current-medications")).get().extracting(ChecklistItem::required).isEqualTo(true);
        });
    }

    @Test
    void codesAreLowerCaseHyphenatedAndUniquePerChecklist() {
        assertThat(everyChecklist()).allSatisfy(checklist -> {
            List<String> codes = checklist.items().stream().map(ChecklistItem::code).toList();
            assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z0-9]+(-[a-z0-9]+)*"));
            assertThat(checklist.items()).allSatisfy(i -> assertThat(i.title()).isNotBlank());
        });
    }

    @Test
    void lungAndBreastGetTheirCoreRecords() {
        assertThat(RULES.checklistFor("lung").required()).extracting(ChecklistItem::code).containsExactly(
                "first-opinion", "current-medications", "pathology-report", "ct-chest-abdomen", "pet-ct", "staging-tnm");
        assertThat(RULES.checklistFor("lung").item("brain-mri")).get().extracting(ChecklistItem::required).isEqualTo(false);
        assertThat(RULES.checklistFor("breast").required()).extracting(ChecklistItem::code).containsExactly(
                "first-opinion", "current-medications", "pathology-report", "mammogram-ultrasound");
    }

    @ParameterizedTest
    @CsvSource({"Lung, lung", "NSCLC, lung", "non-small cell lung cancer, lung", "Head and neck, head-and-neck",
            "head_and_neck, head-and-neck", "HCC, liver", "hepatocellular carcinoma, liver", "esophageal, oesophageal",
            "Rectal cancer, colorectal", "other, fallback", "spleen, fallback", "'', fallback"})
    void matchesCancerTypesAsIntakeAndPeopleNameThem(String cancerType, String rule) {
        assertThat(RULES.checklistFor(cancerType).rule()).isEqualTo(rule);
    }

    @Test
    void unknownOrMissingTypeGetsTheFallback() {
        assertThat(RULES.checklistFor(null).rule()).isEqualTo(ChecklistRules.FALLBACK);
    }

    @Test
    void aBadRuleSetStopsStartUp() {
        assertThatThrownBy(() -> read("""
                cancerTypes:
                  - type: lung
                    items:
                      - {code: Pathology Report, title: x, category: pathology, required: true}
                fallback:
                  - {code: a, title: a, category: imaging, required: true}
                """)).hasMessageContaining("lower-case-hyphenated");
        assertThatThrownBy(() -> read("""
                cancerTypes: []
                fallback:
                  - {code: a, title: a, category: imaging, required: false}
                """)).hasMessageContaining("no required item");
    }

    // The recency table (BRIEF.md): one test per rule, over every checklist of the rule set.

    @Test
    void imagingAndStagingCountFor60DaysAnd30WhenUrgent() {
        assertThat(items(ItemCategory.IMAGING, ItemCategory.STAGING)).isNotEmpty().allSatisfy(i -> {
            assertThat(i.recencyDaysFor(Urgency.ROUTINE)).as(i.code()).isEqualTo(60);
            assertThat(i.recencyDaysFor(Urgency.EXPEDITED)).as(i.code()).isEqualTo(60);
            assertThat(i.recencyDaysFor(Urgency.URGENT)).as(i.code()).isEqualTo(30);
        });
    }

    @Test
    void laboratoryResultsAndTumourMarkersCountFor30Days() {
        assertThat(items(ItemCategory.LABORATORY)).extracting(ChecklistItem::code).contains("cea", "afp", "ca-19-9",
                "psa-history", "ldh", "liver-function", "lab-results");
        assertThat(items(ItemCategory.LABORATORY)).allSatisfy(i -> {
            for (Urgency urgency : Urgency.values()) {
                assertThat(i.recencyDaysFor(urgency)).as(i.code() + " " + urgency).isEqualTo(30);
            }
        });
    }

    @Test
    void pathologyAndMolecularResultsNeverExpire() {
        assertThat(items(ItemCategory.PATHOLOGY, ItemCategory.MOLECULAR)).isNotEmpty().allSatisfy(i -> {
            assertThat(i.recencyDays()).as(i.code()).isNull();
            assertThat(i.recencyDaysFor(Urgency.URGENT)).as(i.code()).isNull();
        });
    }

    @Test
    void clinicalReportsTheFirstOpinionAndTreatmentListsHaveNoWindow() {
        assertThat(items(ItemCategory.CLINICAL, ItemCategory.TREATMENT)).extracting(ChecklistItem::code)
                .contains("first-opinion", "current-medications", "colonoscopy-report");
        assertThat(items(ItemCategory.CLINICAL, ItemCategory.TREATMENT))
                .allSatisfy(i -> assertThat(i.recencyDaysFor(Urgency.URGENT)).as(i.code()).isNull());
    }

    @Test
    void lungStagingImagingOfTheBriefExample() {
        Checklist lung = RULES.checklistFor("lung");
        // the urgent lung case: CT from 5 weeks ago (35 days) is stale at 30, PET-CT from 3 weeks ago is not
        assertThat(lung.item("ct-chest-abdomen").orElseThrow().recencyDaysFor(Urgency.URGENT)).isLessThan(35);
        assertThat(lung.item("pet-ct").orElseThrow().recencyDaysFor(Urgency.URGENT)).isGreaterThanOrEqualTo(21);
        assertThat(lung.item("staging-tnm").orElseThrow().recencyDaysFor(Urgency.ROUTINE)).isEqualTo(60);
    }

    @Test
    void badRecencyWindowsStopStartUp() {
        assertThatThrownBy(() -> read("""
                cancerTypes: []
                fallback:
                  - {code: a, title: a, category: imaging, required: true, recencyDays: 0}
                """)).hasMessageContaining("positive");
        assertThatThrownBy(() -> read("""
                cancerTypes: []
                fallback:
                  - {code: a, title: a, category: imaging, required: true, urgentRecencyDays: 30}
                """)).hasMessageContaining("no recencyDays");
        assertThatThrownBy(() -> read("""
                cancerTypes: []
                fallback:
                  - {code: a, title: a, category: imaging, required: true, recencyDays: 30, urgentRecencyDays: 60}
                """)).hasMessageContaining("stricter");
    }

    private static List<ChecklistItem> items(ItemCategory... categories) {
        List<ItemCategory> wanted = List.of(categories);
        return everyChecklist().stream().flatMap(c -> c.items().stream()).filter(i -> wanted.contains(i.category())).toList();
    }

    private static ChecklistRules read(String yaml) {
        return ChecklistRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
