package org.consilium.mdt.panel;

import org.consilium.mdt.directory.AvailabilityWindow;
import org.consilium.mdt.directory.Specialist;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PanelComposerTest {
    static final List<AvailabilityWindow> WEEKDAYS_9_TO_17 = java.util.stream.Stream.of(DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .map(d -> new AvailabilityWindow(d, "09:00", "17:00")).toList();

    static Specialist specialist(String id, String discipline, List<String> languages, String zone, int capacity) {
        return new Specialist(id, "Dr " + id, discipline, List.of(), languages, zone, List.of("GB", "AE", "ID"),
                List.of("Hospital of " + id), WEEKDAYS_9_TO_17, capacity);
    }

    static final Specialist ONC_EN = specialist("onc-en", "medical-oncologist", List.of("en"), "Europe/London", 5);
    static final Specialist ONC_AR = specialist("onc-ar", "medical-oncologist", List.of("ar", "en"), "Europe/London", 5);
    static final Specialist ONC_AR_2 = specialist("onc-ar-2", "medical-oncologist", List.of("ar"), "Asia/Dubai", 5);
    static final Specialist PATH_A = specialist("path-a", "pathologist", List.of("en"), "Asia/Singapore", 10);
    static final Specialist PATH_B = specialist("path-b", "pathologist", List.of("en", "zh"), "Asia/Shanghai", 10);
    static final Specialist RAD = specialist("rad", "radiologist", List.of("en"), "America/New_York", 2);
    static final List<Specialist> DIRECTORY = List.of(ONC_EN, ONC_AR, ONC_AR_2, PATH_A, PATH_B, RAD);

    // Wednesday 2026-11-25 10:00 UTC: 10:00 London, 14:00 Dubai, 18:00 Singapore/Shanghai, 05:00 New York
    static final Instant WED_10_UTC = Instant.parse("2026-11-25T10:00:00Z");

    final PanelComposer composer = new PanelComposer();

    static PanelRequest request(List<String> disciplines, List<String> languages) {
        return PanelRequest.of(disciplines, languages);
    }

    static PanelRequest request(List<String> disciplines, String country, String institution) {
        return new PanelRequest(disciplines, List.of("en"), country, institution, null, null, null);
    }

    @Test
    void onePerDisciplineInTheRequestedOrderPreferringThePatientsLanguage() {
        Panel panel = composer.compose(request(List.of("pathologist", "medical-oncologist", "radiologist"),
                List.of("ar-AE")), DIRECTORY, Map.of());

        assertThat(panel.members()).extracting(Panellist::discipline)
                .containsExactly("pathologist", "medical-oncologist", "radiologist");
        assertThat(panel.members()).extracting(Panellist::specialistId).containsExactly("path-a", "onc-ar", "rad");
        assertThat(panel.uncovered()).isEmpty();
        assertThat(panel.members().get(1).reason()).contains("speaks ar, the patient's first language")
                .contains("lowest load of 2 equally suited medical-oncologists")
                .contains("licensure not checked (no patient country)");
        assertThat(panel.members().get(0).reason()).contains("no eligible pathologist speaks ar-AE");
        assertThat(panel.members().get(2).reason()).contains("the only eligible radiologist");
    }

    @Test
    void languageBeatsLoadAndTheLowestShareOfCapacityDecidesBetweenSpeakers() {
        Map<String, Integer> load = Map.of("onc-ar", 3, "onc-ar-2", 1, "onc-en", 0);
        assertThat(composer.compose(request(List.of("medical-oncologist"), List.of("ar")), DIRECTORY, load).members())
                .extracting(Panellist::specialistId).containsExactly("onc-ar-2");
        assertThat(composer.compose(request(List.of("medical-oncologist"), List.of("de")), DIRECTORY, load).members())
                .extracting(Panellist::specialistId).containsExactly("onc-en");
        assertThat(composer.compose(request(List.of("pathologist"), List.of()), DIRECTORY, Map.of("path-a", 4, "path-b", 2))
                .members()).singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("path-b");
                    assertThat(m.reason()).contains("no patient language given").contains("2 of 10 weekly cases booked");
                });
        // balance by share of capacity: 2 of 4 (50 %) is busier than 3 of 10 (30 %)
        Specialist small = specialist("path-small", "pathologist", List.of("en"), "Europe/London", 4);
        assertThat(composer.compose(request(List.of("pathologist"), List.of("en")), List.of(small, PATH_A),
                Map.of("path-small", 2, "path-a", 3)).members()).extracting(Panellist::specialistId)
                .containsExactly("path-a");
    }

    @Test
    void thePatientsFirstLanguageBeatsTheirSecond() {
        Map<String, Integer> load = Map.of("onc-ar", 3, "onc-ar-2", 4, "onc-en", 0);
        assertThat(composer.compose(request(List.of("medical-oncologist"), List.of("ar", "en")), DIRECTORY, load).members())
                .singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("onc-ar");
                    assertThat(m.reason()).contains("lowest load of 2 equally suited medical-oncologists");
                });
        assertThat(composer.compose(request(List.of("pathologist"), List.of("ms", "zh", "en")), DIRECTORY,
                Map.of("path-b", 5)).members()).singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("path-b");
                    assertThat(m.reason()).contains("speaks zh, one of the patient's languages")
                            .contains("best match of 2 eligible pathologists");
                });
    }

    @Test
    void aSpecialistNotLicensedInThePatientsCountryIsNotChosen() {
        Specialist usOnly = new Specialist("onc-us", "Dr Us", "medical-oncologist", List.of(), List.of("ar", "en"),
                "America/New_York", List.of("US"), List.of(), WEEKDAYS_9_TO_17, 8);
        Panel panel = composer.compose(new PanelRequest(List.of("medical-oncologist"), List.of("ar"), "AE", null, null,
                null, null), List.of(usOnly, ONC_EN), Map.of());
        assertThat(panel.members()).singleElement().satisfies(m -> {
            assertThat(m.specialistId()).isEqualTo("onc-en");
            assertThat(m.reason()).contains("licensed in AE").contains("1 excluded by licensure");
        });
        // the same specialist is fine for a patient in the United States
        assertThat(composer.compose(new PanelRequest(List.of("medical-oncologist"), List.of("ar"), "US", null, null,
                null, null), List.of(usOnly), Map.of()).members()).extracting(Panellist::specialistId)
                .containsExactly("onc-us");
    }

    @Test
    void noLicensedSpecialistLeavesTheDisciplineUncoveredWithTheReason() {
        Panel panel = composer.compose(request(List.of("medical-oncologist", "pathologist"), "BR", null), DIRECTORY,
                Map.of());
        assertThat(panel.members()).isEmpty();
        assertThat(panel.uncoveredDisciplines()).containsExactly("medical-oncologist", "pathologist");
        assertThat(panel.uncovered()).allSatisfy(u -> assertThat(u.reason()).startsWith("no licensed specialist")
                .contains("licensed in BR"));
        assertThat(panel.chair()).isEmpty();
    }

    @Test
    void noMemberIsAffiliatedWithThePatientsTreatingInstitution() {
        Panel panel = composer.compose(request(List.of("pathologist"), "ID", "  hospital of PATH-A "), DIRECTORY,
                Map.of("path-b", 9));
        assertThat(panel.members()).singleElement().satisfies(m -> {
            assertThat(m.specialistId()).isEqualTo("path-b");
            assertThat(m.reason()).contains("not affiliated with   hospital of PATH-A ");
        });
        Panel none = composer.compose(request(List.of("radiologist"), "ID", "Hospital of rad"), DIRECTORY, Map.of());
        assertThat(none.members()).isEmpty();
        assertThat(none.uncovered()).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo("conflict of interest: every licensed radiologist is affiliated with Hospital of rad"));
    }

    @Test
    void aSpecialistAtWeeklyCapacityIsNotChosenAndADisciplineAllAtCapacityIsUncovered() {
        Map<String, Integer> speakersFull = Map.of("onc-ar", 5, "onc-ar-2", 5, "onc-en", 4);
        assertThat(composer.compose(request(List.of("medical-oncologist"), List.of("ar")), DIRECTORY, speakersFull)
                .members()).singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("onc-en");
                    assertThat(m.reason()).contains("no eligible medical-oncologist speaks ar")
                            .contains("4 of 5 weekly cases booked").contains("2 excluded");
                });
        Panel full = composer.compose(request(List.of("radiologist"), List.of("en")), DIRECTORY, Map.of("rad", 2));
        assertThat(full.members()).isEmpty();
        assertThat(full.uncovered()).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo("at capacity: every eligible radiologist is at weekly capacity"));
    }

    @Test
    void aMemberAvailableForTheLiveSessionInTheirOwnZoneIsPreferred() {
        // 10:00 UTC: 09:00-17:00 in London covers 10:00-12:00, in Shanghai it is 18:00 (after hours)
        PanelRequest session = new PanelRequest(List.of("pathologist"), List.of("zh"), null, null, null, WED_10_UTC,
                Duration.ofHours(2));
        assertThat(composer.compose(session, List.of(PATH_B, specialist("path-london", "pathologist", List.of("en"),
                "Europe/London", 10)), Map.of()).members()).singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("path-london");
                    assertThat(m.reason()).contains("available for the session (Wed 10:00 Europe/London)");
                });
        // nobody available: still chosen, and told they give the opinion in writing
        assertThat(composer.compose(session, List.of(PATH_B), Map.of()).members()).singleElement()
                .satisfies(m -> assertThat(m.reason()).contains("not available at the session (Wed 18:00 Asia/Shanghai")
                        .contains("gives the opinion in writing"));
    }

    @Test
    void aSubspecialistInTheCasesTumourGroupIsPreferredOverLanguage() {
        Specialist thoracic = new Specialist("path-thoracic", "Dr Thoracic", "pathologist", List.of("thoracic"),
                List.of("en"), "Europe/London", List.of("ID"), List.of(), WEEKDAYS_9_TO_17, 10);
        Specialist speaker = new Specialist("path-id", "Dr Speaker", "pathologist", List.of("breast"),
                List.of("id"), "Europe/London", List.of("ID"), List.of(), WEEKDAYS_9_TO_17, 10);
        Panel panel = composer.compose(new PanelRequest(List.of("pathologist"), List.of("id"), "ID", null, "thoracic",
                null, null), List.of(speaker, thoracic), Map.of());
        assertThat(panel.members()).singleElement().satisfies(m -> {
            assertThat(m.specialistId()).isEqualTo("path-thoracic");
            assertThat(m.reason()).contains("thoracic subspecialist")
                    .contains("are less suited (availability or subspecialty)");
        });
    }

    @Test
    void theMedicalOncologistChairsOtherwiseTheFirstMember() {
        Panel withOncologist = composer.compose(request(List.of("radiologist", "medical-oncologist"), List.of("en")),
                DIRECTORY, Map.of());
        assertThat(withOncologist.chair()).get().extracting(Panellist::discipline).isEqualTo("medical-oncologist");
        assertThat(withOncologist.members()).filteredOn(Panellist::chair).hasSize(1);
        assertThat(withOncologist.chair().get().reason()).endsWith("chairs as medical oncologist");

        Panel without = composer.compose(request(List.of("radiologist", "pathologist"), List.of("en")), DIRECTORY,
                Map.of());
        assertThat(without.chair()).get().extracting(Panellist::specialistId).isEqualTo("rad");
        assertThat(without.members()).filteredOn(Panellist::chair).hasSize(1);
    }

    @Test
    void aDisciplineNotInTheDirectoryIsRecordedAndTheRestStillComposed() {
        Panel panel = composer.compose(request(List.of("dentist", "pathologist", "pathologist", "speech-therapist"),
                List.of("en")), DIRECTORY, Map.of());
        assertThat(panel.members()).extracting(Panellist::discipline).containsExactly("pathologist");
        assertThat(panel.uncoveredDisciplines()).containsExactly("dentist", "speech-therapist");
        assertThat(panel.uncovered()).first().extracting(Panel.Uncovered::reason).isEqualTo("no dentist in the directory");
        assertThat(panel.chair()).get().extracting(Panellist::discipline).isEqualTo("pathologist");
    }

    @Test
    void aSwapIsCheckedAgainstTheSameRules() {
        PanelRequest rules = request(List.of("pathologist"), "ID", "Hospital of path-b");
        assertThat(composer.violation(PATH_A, rules, Map.of())).isEmpty();
        assertThat(composer.violation(PATH_B, rules, Map.of())).get().extracting(PanelComposer.Violation::rule)
                .isEqualTo(PanelComposer.Rule.CONFLICT_OF_INTEREST);
        assertThat(composer.violation(PATH_A, rules, Map.of("path-a", 10))).get()
                .extracting(PanelComposer.Violation::rule).isEqualTo(PanelComposer.Rule.CAPACITY);
        assertThat(composer.violation(PATH_A, request(List.of("pathologist"), "US", null), Map.of())).get()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo(PanelComposer.Rule.LICENSURE);
                    assertThat(v.detail()).contains("not licensed in US");
                });
    }
    @Test
    void licensureWidenedForADisciplineSeatsASpecialistLicensedElsewhereMarkedCrossBorder() {
        // nobody in the directory is licensed in Brazil; the coordinator widened licensure for pathology only
        PanelRequest widened = request(List.of("pathologist", "medical-oncologist"), "BR", null)
                .acrossBordersIn(List.of("pathologist"));
        Panel panel = composer.compose(widened, DIRECTORY, Map.of("path-a", 3));

        assertThat(panel.members()).singleElement().satisfies(m -> {
            assertThat(m.specialistId()).isEqualTo("path-b");
            assertThat(m.crossBorder()).isTrue();
            assertThat(m.reason()).contains("reviews across borders: not licensed in BR (licensed in GB, AE, ID)")
                    .contains("widened licensure for pathologists");
        });
        // only the named disciplines: the oncologist still needs a Brazilian licence
        assertThat(panel.uncovered()).singleElement().satisfies(u -> {
            assertThat(u.discipline()).isEqualTo("medical-oncologist");
            assertThat(u.reason()).startsWith("no licensed specialist");
        });
    }

    @Test
    void aWidenedDisciplineStillTakesALicensedSpecialistWhenOneIsEligible() {
        Specialist brazilian = new Specialist("path-br", "Dr Br", "pathologist", List.of(), List.of("pt"),
                "America/Sao_Paulo", List.of("BR"), List.of(), WEEKDAYS_9_TO_17, 10);
        PanelRequest widened = request(List.of("pathologist"), "BR", null).acrossBordersIn(List.of("pathologist"));
        // the Brazilian is busier than the others, but licensed: the exception is taken only where it is needed
        assertThat(composer.compose(widened, List.of(PATH_A, PATH_B, brazilian), Map.of("path-br", 8)).members())
                .singleElement().satisfies(m -> {
                    assertThat(m.specialistId()).isEqualTo("path-br");
                    assertThat(m.crossBorder()).isFalse();
                    assertThat(m.reason()).contains("licensed in BR");
                });
        // once the Brazilian's week is full, one licensed elsewhere sits
        assertThat(composer.compose(widened, List.of(PATH_A, PATH_B, brazilian), Map.of("path-br", 10)).members())
                .singleElement().satisfies(m -> assertThat(m.crossBorder()).isTrue());
    }

    @Test
    void wideningLicensureKeepsTheOtherRules() {
        PanelRequest widened = request(List.of("radiologist"), "BR", "Hospital of rad")
                .acrossBordersIn(List.of("radiologist"));
        assertThat(composer.compose(widened, DIRECTORY, Map.of()).uncovered()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(
                        "conflict of interest: every radiologist (licensure widened) is affiliated with Hospital of rad"));
        // a coordinator's swap: licensed elsewhere is fine in a widened discipline, conflicts and capacity are not
        assertThat(composer.violation(PATH_A, request(List.of("pathologist"), "BR", null)
                .acrossBordersIn(List.of("pathologist")), Map.of())).isEmpty();
        assertThat(composer.violation(PATH_A, request(List.of("pathologist"), "BR", null)
                .acrossBordersIn(List.of("pathologist")), Map.of("path-a", 10))).get()
                .extracting(PanelComposer.Violation::rule).isEqualTo(PanelComposer.Rule.CAPACITY);
        assertThat(composer.violation(ONC_EN, request(List.of("medical-oncologist"), "BR", null)
                .acrossBordersIn(List.of("pathologist")), Map.of())).get()
                .extracting(PanelComposer.Violation::rule).isEqualTo(PanelComposer.Rule.LICENSURE);
    }
}
