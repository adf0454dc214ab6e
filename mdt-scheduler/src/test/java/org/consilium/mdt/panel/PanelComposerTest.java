package org.consilium.mdt.panel;

import org.consilium.mdt.directory.Specialist;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PanelComposerTest {
    static final Specialist ONC_EN = new Specialist("onc-en", "Dr En", "medical-oncologist", List.of("en"), "Europe/London", 5);
    static final Specialist ONC_AR = new Specialist("onc-ar", "Dr Ar", "medical-oncologist", List.of("ar", "en"), "Europe/London", 5);
    static final Specialist ONC_AR_2 = new Specialist("onc-ar-2", "Dr Ar Two", "medical-oncologist", List.of("ar"), "Asia/Dubai", 5);
    static final Specialist PATH_A = new Specialist("path-a", "Dr Path A", "pathologist", List.of("en"), "Asia/Singapore", 10);
    static final Specialist PATH_B = new Specialist("path-b", "Dr Path B", "pathologist", List.of("en", "zh"), "Asia/Shanghai", 10);
    static final Specialist RAD = new Specialist("rad", "Dr Rad", "radiologist", List.of("en"), "America/New_York", 2);
    static final List<Specialist> DIRECTORY = List.of(ONC_EN, ONC_AR, ONC_AR_2, PATH_A, PATH_B, RAD);

    final PanelComposer composer = new PanelComposer();

    @Test
    void onePerDisciplineInTheRequestedOrderPreferringThePatientsLanguage() {
        Panel panel = composer.compose(List.of("pathologist", "medical-oncologist", "radiologist"), List.of("ar-AE"),
                DIRECTORY, Map.of());

        assertThat(panel.members()).extracting(Panellist::discipline)
                .containsExactly("pathologist", "medical-oncologist", "radiologist");
        assertThat(panel.members()).extracting(Panellist::specialistId).containsExactly("path-a", "onc-ar", "rad");
        assertThat(panel.uncoveredDisciplines()).isEmpty();
        assertThat(panel.members().get(1).reason()).contains("speaks ar, the patient's first language")
                .contains("lowest load of 2 equally suited medical-oncologists");
        assertThat(panel.members().get(0).reason()).contains("no pathologist speaks ar-AE");
        assertThat(panel.members().get(2).reason()).contains("the only radiologist in the directory");
    }

    @Test
    void languageBeatsLoadAndLoadDecidesBetweenSpeakers() {
        Map<String, Integer> load = Map.of("onc-ar", 3, "onc-ar-2", 1, "onc-en", 0);
        assertThat(composer.compose(List.of("medical-oncologist"), List.of("ar"), DIRECTORY, load).members())
                .extracting(Panellist::specialistId).containsExactly("onc-ar-2");
        assertThat(composer.compose(List.of("medical-oncologist"), List.of("de"), DIRECTORY, load).members())
                .extracting(Panellist::specialistId).containsExactly("onc-en");
        assertThat(composer.compose(List.of("pathologist"), List.of(), DIRECTORY, Map.of("path-a", 4, "path-b", 2))
                .members()).singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("path-b");
                    assertThat(m.reason()).contains("no patient language given").contains("2 of 10 weekly cases booked");
                });
    }

    @Test
    void thePatientsFirstLanguageBeatsTheirSecond() {
        Map<String, Integer> load = Map.of("onc-ar", 3, "onc-ar-2", 4, "onc-en", 0);
        assertThat(composer.compose(List.of("medical-oncologist"), List.of("ar", "en"), DIRECTORY, load).members())
                .singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("onc-ar");
                    assertThat(m.reason()).contains("lowest load of 2 equally suited medical-oncologists");
                });
        assertThat(composer.compose(List.of("pathologist"), List.of("ms", "zh", "en"), DIRECTORY, Map.of("path-b", 5))
                .members()).singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("path-b");
                    assertThat(m.reason()).contains("speaks zh, one of the patient's languages (no pathologist with room speaks ms)")
                            .contains("best match of 2 pathologists");
                });
    }

    @Test
    void someoneWithRoomIsPreferredAndCapacityIsExceededOnlyWhenEveryoneIsFull() {
        Map<String, Integer> speakersFull = Map.of("onc-ar", 5, "onc-ar-2", 5, "onc-en", 4);
        assertThat(composer.compose(List.of("medical-oncologist"), List.of("ar"), DIRECTORY, speakersFull).members())
                .singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("onc-en");
                    assertThat(m.reason()).contains("the medical-oncologists who speak ar are at weekly capacity");
                });
        assertThat(composer.compose(List.of("radiologist"), List.of("en"), DIRECTORY, Map.of("rad", 2)).members())
                .singleElement().satisfies(m -> assertThat(m.reason()).contains("every radiologist is at weekly capacity"));
    }

    @Test
    void theMedicalOncologistChairsOtherwiseTheFirstMember() {
        Panel withOncologist = composer.compose(List.of("radiologist", "medical-oncologist"), List.of("en"), DIRECTORY,
                Map.of());
        assertThat(withOncologist.chair()).get().extracting(Panellist::discipline).isEqualTo("medical-oncologist");
        assertThat(withOncologist.members()).filteredOn(Panellist::chair).hasSize(1);
        assertThat(withOncologist.chair().get().reason()).endsWith("chairs as medical oncologist");

        Panel without = composer.compose(List.of("radiologist", "pathologist"), List.of("en"), DIRECTORY, Map.of());
        assertThat(without.chair()).get().extracting(Panellist::specialistId).isEqualTo("rad");
        assertThat(without.members()).filteredOn(Panellist::chair).hasSize(1);
    }

    @Test
    void anUncoverableDisciplineIsRecordedAndTheRestStillComposed() {
        Panel panel = composer.compose(List.of("dentist", "pathologist", "pathologist", "speech-therapist"),
                List.of("en"), DIRECTORY, Map.of());
        assertThat(panel.members()).extracting(Panellist::discipline).containsExactly("pathologist");
        assertThat(panel.uncoveredDisciplines()).containsExactly("dentist", "speech-therapist");
        assertThat(panel.chair()).get().extracting(Panellist::discipline).isEqualTo("pathologist");

        Panel empty = composer.compose(List.of("dentist"), List.of("en"), DIRECTORY, Map.of());
        assertThat(empty.members()).isEmpty();
        assertThat(empty.chair()).isEmpty();
    }
}
