package org.consilium.console.reportdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.reportdesk.ReportState.Comparison;
import org.consilium.console.reportdesk.ReportState.Concern;
import org.consilium.console.reportdesk.ReportState.Option;
import org.consilium.console.reportdesk.ReportState.Sections;
import org.consilium.console.reportdesk.ReportState.Version;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The edit form: prefilled from a version, read back from the post, sent as mdt-scheduler's PUT; and the section. */
class ReportEditTest {
    static final Instant T1 = Instant.parse("2026-12-06T10:00:00Z");
    static final Comparison COMPARISON = new Comparison(null, "read as N2", true,
            List.of(new Option("Surgery first", "sooner", "nodes left")), true);

    static Version version(int number, String recommendation, String editor) {
        return new Version(number, new Sections(false, recommendation, "Medicine first.", "Molecular results were missing.",
                List.of("One member prefers surgery first"), List.of(new Concern("Will I lose my hair?", "Probably.")),
                COMPARISON, List.of("EGFR", "PD-L1"), List.of()), editor, number == 1 ? "the consensus" : "clearer", T1);
    }

    static ReportState report(Version... versions) {
        List<Version> history = List.of(versions);
        return new ReportState("case-1", "DRAFT", history.get(history.size() - 1), null, null, null, null, null, history);
    }

    @Test
    void theFormStartsFromTheVersionAndTheListsAreOneALine() {
        ReportEdit edit = ReportEdit.startingFrom(version(2, "Chemo-immunotherapy first", "dr-chair"));
        assertThat(edit.basedOnVersion()).isEqualTo(2);
        assertThat(edit.reason()).isEmpty();
        assertThat(edit.differs()).isTrue();
        assertThat(edit.stillMissing()).isEqualTo("EGFR\nPD-L1");
        assertThat(edit.concerns()).containsExactly(new Concern("Will I lose my hair?", "Probably."));
    }

    @Test
    void thePostIsReadBackAndSentWholeWithTheEditorAndTheComparisonCarriedOver() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("basedOnVersion", "2");
        form.add("reason", "plainer words");
        form.add("confirmsFirstOpinion", "false");
        form.add("recommendation", "Chemotherapy first");
        form.add("plainLanguageSummary", "Medicine before the operation.");
        form.add("differenceExplanation", "");
        form.add("dissent", "");
        form.add("concerns[0].concern", "Will I lose my hair?");
        form.add("concerns[0].answer", "Possibly, for a few months.");
        form.add("stillMissing", " EGFR \r\n\r\nPD-L1\n");
        form.add("supportiveCare", "");
        ReportEdit edit = ReportEdit.of(form);

        Map<String, Object> body = edit.request("cora.nolan", COMPARISON);
        assertThat(body).containsEntry("editor", "cora.nolan").containsEntry("basedOnVersion", 2)
                .containsEntry("confirmsFirstOpinion", false).containsEntry("differenceExplanation", null)
                .containsEntry("dissent", List.of()).containsEntry("stillMissing", List.of("EGFR", "PD-L1"))
                .containsEntry("comparison", COMPARISON)
                .containsEntry("concerns", List.of(new Concern("Will I lose my hair?", "Possibly, for a few months.")));
    }

    @Test
    void aVersionThatIsNotANumberIsKeptAsNone() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("basedOnVersion", "two");
        assertThat(ReportEdit.of(form).basedOnVersion()).isNull();
        assertThat(ReportEdit.of(form).confirmsFirstOpinion()).isNull();
    }

    @Test
    void theSectionComparesThePreviousVersionWithTheCurrentByDefault() {
        ReportState report = report(version(1, "Surgery first", "dr-chair"), version(2, "Chemotherapy first", "cora.nolan"));
        ReportSection section = ReportDesk.section(report, null, null, Optional.empty());
        assertThat(section.diff().from().number()).isEqualTo(1);
        assertThat(section.diff().to().number()).isEqualTo(2);
        assertThat(section.diff().parts()).filteredOn(ReportDiff.PartDiff::changed).singleElement()
                .satisfies(part -> assertThat(part.summary()).isEqualTo("1 word added, 1 removed"));
        assertThat(section.edit().basedOnVersion()).isEqualTo(2);
        assertThat(section.earlierVersions()).extracting(Version::number).containsExactly(1);
        assertThat(section.inputId("concerns[0].answer")).isEqualTo("report-concerns-0-answer");
    }

    @Test
    void afterAConflictTheTextTypedIsKeptAndNowBasedOnTheVersionSavedMeanwhileWhoseChangesAreShown() {
        ReportState report = report(version(1, "Surgery first", "dr-chair"), version(2, "Chemotherapy first", "ana"),
                version(3, "Chemo-immunotherapy first", "ben"));
        ReportEdit typed = ReportEdit.startingFrom(version(2, "Chemotherapy first, then surgery", "ana"));
        ReportSection section = ReportDesk.section(report, null, null,
                Optional.of(new ReportEditAttempt(typed, Map.of(), "Not saved: version 3 was saved", 409, 3)));
        assertThat(section.edit().recommendation()).isEqualTo("Chemotherapy first, then surgery");
        assertThat(section.edit().basedOnVersion()).isEqualTo(3);
        assertThat(section.diff().from().number()).isEqualTo(2);
        assertThat(section.diff().to().number()).isEqualTo(3);
        assertThat(section.editRefused()).isTrue();
    }

    @Test
    void aChosenComparisonIsShownAndAnUnknownVersionFallsBackToTheLatestChange() {
        ReportState report = report(version(1, "Surgery first", "dr-chair"), version(2, "Chemotherapy first", "ana"),
                version(3, "Chemo-immunotherapy first", "ben"));
        assertThat(ReportDesk.section(report, 1, 3, Optional.empty()).diff().from().number()).isEqualTo(1);
        ReportSection unknown = ReportDesk.section(report, 9, null, Optional.empty());
        assertThat(unknown.diff().from().number()).isEqualTo(2);
        assertThat(unknown.diff().to().number()).isEqualTo(3);
        assertThat(ReportDesk.section(report(version(1, "Surgery", "dr-chair")), null, null, Optional.empty()).diff()).isNull();
    }
}
