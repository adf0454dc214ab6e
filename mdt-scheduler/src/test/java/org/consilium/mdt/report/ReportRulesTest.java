package org.consilium.mdt.report;

import org.consilium.support.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versioning and QA rules of the report. */
class ReportRulesTest {
    static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-25T11:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-25T12:00:00Z");

    static ReportSections sections(String recommendation) {
        return new ReportSections(true, recommendation, "In plain words", null, List.of(),
                List.of(new ConcernAnswer("Will I lose my hair?", "Probably not with this treatment.")),
                new FirstOpinionComparison(null, null, true, List.of(), false), List.of("PET-CT"),
                List.of("Acupuncture for nausea"));
    }

    static String slug(Runnable change) {
        try {
            change.run();
        } catch (DomainProblem problem) {
            return problem.slug();
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void theFirstVersionIsTheConsensusAndADraft() {
        Report report = Report.first(sections("Surgery"), "Dr Chair", T1);
        assertThat(report.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(report.current()).isEqualTo(new ReportVersion(1, sections("Surgery"), "Dr Chair",
                Report.FIRST_VERSION_REASON, T1));
        assertThatThrownBy(() -> new Report(List.of(), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEditIsANewVersionAndEveryVersionIsKept() {
        Report first = Report.first(sections("Surgery"), "Dr Chair", T1);
        Report second = first.revise("c", "Ana (coordinator)", "plainer words", 1, sections("Surgery first"), T2);
        Report third = second.revise("c", "Ben (coordinator)", "typo", null, sections("Surgery, first"), T3);
        assertThat(third.versions()).extracting(ReportVersion::number).containsExactly(1, 2, 3);
        assertThat(third.versions()).extracting(ReportVersion::editor)
                .containsExactly("Dr Chair", "Ana (coordinator)", "Ben (coordinator)");
        assertThat(third.versions()).extracting(ReportVersion::reason)
                .containsExactly(Report.FIRST_VERSION_REASON, "plainer words", "typo");
        assertThat(third.versions().get(0).sections().recommendation()).isEqualTo("Surgery");
        assertThat(third.current().at()).isEqualTo(T3);
        assertThat(first.versions()).hasSize(1); // immutable: the old state is untouched
    }

    @Test
    void anEditThatChangesNothingOrStartsFromAnOlderVersionIsRefused() {
        Report second = Report.first(sections("Surgery"), "Dr Chair", T1)
                .revise("c", "Ana", "plainer words", 1, sections("Surgery first"), T2);
        assertThat(slug(() -> second.revise("c", "Ben", "again", null, sections("Surgery first"), T3)))
                .isEqualTo("report-unchanged");
        assertThat(slug(() -> second.revise("c", "Ben", "mine", 1, sections("Chemotherapy"), T3)))
                .isEqualTo("stale-report-version");
    }

    @Test
    void approvalIsOfTheCurrentVersionAndAnEditWithdrawsIt() {
        Report approved = Report.first(sections("Surgery"), "Dr Chair", T1).approve("c", "Ana", T2);
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approved.approvedVersion()).isEqualTo(1);
        assertThat(approved.approvedBy()).isEqualTo("Ana");
        assertThat(slug(() -> approved.approve("c", "Ben", T3))).isEqualTo("already-approved");

        Report edited = approved.revise("c", "Ben", "a late correction", null, sections("Surgery first"), T3);
        assertThat(edited.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(edited.approvedVersion()).isNull();
        assertThat(slug(() -> edited.release("c", "Ana", T3))).isEqualTo("report-not-approved");
        assertThat(edited.approve("c", "Ana", T3).approvedVersion()).isEqualTo(2);
    }

    @Test
    void releaseNeedsApprovalAndEndsEveryChange() {
        Report draft = Report.first(sections("Surgery"), "Dr Chair", T1);
        assertThat(slug(() -> draft.release("c", "Ana", T2))).isEqualTo("report-not-approved");

        Report released = draft.approve("c", "Ana", T2).release("c", "Ben", T3);
        assertThat(released.status()).isEqualTo(ReportStatus.RELEASED);
        assertThat(released.releasedBy()).isEqualTo("Ben");
        assertThat(released.releasedAt()).isEqualTo(T3);
        assertThat(released.approvedVersion()).isEqualTo(1);
        assertThat(slug(() -> released.revise("c", "Ana", "too late", null, sections("Chemotherapy"), T3)))
                .isEqualTo("report-released");
        assertThat(slug(() -> released.approve("c", "Ana", T3))).isEqualTo("report-released");
        assertThat(slug(() -> released.release("c", "Ana", T3))).isEqualTo("report-released");
    }

    @Test
    void approvalAndReleaseOfTheVersionReadAreRefusedWhenAnotherVersionIsTheOneAtStake() {
        Report second = Report.first(sections("Surgery"), "Dr Chair", T1)
                .revise("c", "Ana", "plainer words", 1, sections("Surgery first"), T2);
        // the coordinator read version 1; version 2 landed meanwhile: not approved unseen
        assertThat(slug(() -> second.approve("c", "Ben", 1, T3))).isEqualTo("stale-report-version");
        Report approved = second.approve("c", "Ben", 2, T3);
        assertThat(approved.approvedVersion()).isEqualTo(2);
        assertThat(slug(() -> approved.release("c", "Ben", 1, T3))).isEqualTo("stale-report-version");
        assertThat(approved.release("c", "Ben", 2, T3).status()).isEqualTo(ReportStatus.RELEASED);
    }
}
