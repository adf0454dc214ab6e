package org.consilium.console.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.consilium.console.casepage.Checklist;
import org.junit.jupiter.api.Test;

/** Whose move it is and what comes next, per stage, from what the services said; and which language a page takes. */
class CaseProgressTest {
    static final Instant MEETS = Instant.parse("2026-12-10T08:00:00Z");

    @Test
    void eachStageSaysWhoWeWaitOnAndTheNextDateAServiceNamed() {
        Checklist missing = PatientPagesTemplateTest.records("ct-chest-abdomen", "brain-mri");
        Checklist onlyOptional = PatientPagesTemplateTest.records("brain-mri");
        Checklist complete = PatientPagesTemplateTest.records();
        PatientReview scheduled = new PatientReview("case-1", "SCHEDULED", MEETS, null, null, null, List.of());

        CaseProgress collecting = CaseProgress.of(PatientPagesTemplateTest.lungCase("COLLECTING_RECORDS"),
                Optional.of(missing), Optional.empty());
        assertThat(collecting.waitingOn()).isEqualTo(CaseProgress.WaitingOn.YOU_OR_YOUR_DOCTOR);
        assertThat(collecting.nextKey()).isEqualTo("next.COLLECTING_RECORDS.by");
        assertThat(collecting.nextAt()).isEqualTo(missing.dueBy());
        assertThat(CaseProgress.of(PatientPagesTemplateTest.lungCase("COLLECTING_RECORDS"), Optional.of(complete),
                Optional.empty()).waitingOn()).isEqualTo(CaseProgress.WaitingOn.US);
        // an optional record not sent keeps nobody waiting
        CaseProgress optional = CaseProgress.of(PatientPagesTemplateTest.lungCase("COLLECTING_RECORDS"),
                Optional.of(onlyOptional), Optional.empty());
        assertThat(optional.waitingOn()).isEqualTo(CaseProgress.WaitingOn.US);
        assertThat(optional.wouldHelp()).extracting(Checklist.Item::code).containsExactly("brain-mri");

        CaseProgress panel = CaseProgress.of(PatientPagesTemplateTest.lungCase("MDT_SCHEDULED"), Optional.of(complete),
                Optional.of(scheduled));
        assertThat(panel.waitingOn()).isEqualTo(CaseProgress.WaitingOn.PANEL);
        assertThat(panel.nextAt()).isEqualTo(MEETS);
        assertThat(panel.step("RECORDS_COMPLETE")).isEqualTo("done");
        assertThat(panel.step("MDT_SCHEDULED")).isEqualTo("current");
        assertThat(panel.step("REPORT_DELIVERED")).isEqualTo("ahead");

        // records-service down: no date is made up
        CaseProgress unknown = CaseProgress.of(PatientPagesTemplateTest.lungCase("COLLECTING_RECORDS"), Optional.empty(),
                Optional.empty());
        assertThat(unknown.nextKey()).isEqualTo("next.COLLECTING_RECORDS");
        assertThat(unknown.nextAt()).isNull();
        assertThat(CaseProgress.of(PatientPagesTemplateTest.lungCase("WITHDRAWN"), Optional.empty(), Optional.empty()).ended())
                .isTrue();
    }

    @Test
    void thePageTakesTheChosenLanguageElseThePatientsElseTheBrowsersElseEnglish() {
        List<Locale> arabicBrowser = List.of(Locale.forLanguageTag("ar-AE"));
        assertThat(PatientLanguage.choose(Optional.of(PatientLanguage.EN), List.of("zh-Hans"), arabicBrowser))
                .isEqualTo(PatientLanguage.EN);
        assertThat(PatientLanguage.choose(Optional.empty(), List.of("id", "zh-CN"), arabicBrowser)).isEqualTo(PatientLanguage.ZH);
        assertThat(PatientLanguage.choose(Optional.empty(), List.of("id"), arabicBrowser)).isEqualTo(PatientLanguage.AR);
        // Traditional Chinese is not given the Simplified text
        assertThat(PatientLanguage.choose(Optional.empty(), List.of("zh-TW", "zh-Hant"), List.of())).isEqualTo(PatientLanguage.EN);
        assertThat(PatientLanguage.ofCode("fr")).isEmpty();
    }
}
