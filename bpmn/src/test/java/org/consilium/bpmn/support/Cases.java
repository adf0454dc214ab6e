package org.consilium.bpmn.support;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportComparison;
import org.consilium.events.ReportConcern;
import org.consilium.events.ReportDelivered;
import org.consilium.events.ReportReleased;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The two example cases of the brief, and the events the other services send about them. */
public final class Cases {
    public static final Instant SESSION = Instant.parse("2026-12-03T08:00:00Z");
    public static final ReportContent REPORT = new ReportContent(false,
            "Breast-conserving surgery after neoadjuvant therapy; fertility preservation before chemotherapy",
            "The panel thinks keeping the breast is possible. Freeze eggs before chemotherapy starts.",
            "The breast MRI and the recurrence score were not available to the first opinion",
            List.of("Breast surgeon prefers mastectomy given the tumour size", "Second dissent"), "dr-haddad");

    /** What the usual intake consents to: review, and sharing with an international panel (not contacting the doctor). */
    public static final List<String> PANEL_CONSENTS = List.of("review", "share-with-panel", "cross-border-transfer");

    private Cases() {
    }

    /** Breast, routine: treatment start in 5 weeks, organ removal at stake. */
    public static CaseSubmitted breastRoutine(String caseId) {
        return new CaseSubmitted(caseId, "breast", "ORGAN_REMOVAL", today().plusDays(35),
                "Is breast-conserving surgery possible instead of a mastectomy?", "Mastectomy then chemotherapy",
                new Recipient("Layla Haddad", "layla@example.org", "ar"), List.of("ar", "en"), "Asia/Dubai", "AE",
                Instant.now(), "Dubai Oncology Centre", List.of(), PANEL_CONSENTS, null);
    }

    /** Lung, urgent: surgery booked in 12 days. */
    public static CaseSubmitted lungUrgent(String caseId) {
        return new CaseSubmitted(caseId, "lung", "MAJOR_SURGERY", today().plusDays(12),
                "Should I have chemotherapy or immunotherapy before the operation instead?",
                "Lobectomy then chemotherapy", new Recipient("Siti Rahman", "siti@example.org", "id"),
                List.of("id", "en"), "Asia/Jakarta", "ID", Instant.now(), null, List.of(), PANEL_CONSENTS, null);
    }

    public static RecordsCompleted recordsCompleted(String caseId) {
        return new RecordsCompleted(caseId, 7, Instant.now());
    }

    public static MdtScheduled mdtScheduled(String caseId) {
        return new MdtScheduled(caseId, "session-" + caseId, SESSION, List.of(
                new PanelMember("dr-haddad", "Dr Haddad", "breast-surgeon", "Asia/Dubai", true),
                new PanelMember("dr-lee", "Dr Lee", "pathologist", "Asia/Singapore", false)));
    }

    public static MdtConcluded mdtConcluded(String caseId) {
        return new MdtConcluded(caseId, REPORT, Instant.now());
    }

    /** Version 2 of the report after the coordinator's QA: plainer wording and the sections around the consensus. */
    public static final ReportContent RELEASED = new ReportContent(false, REPORT.recommendation(),
            "The panel thinks breast-conserving surgery with radiotherapy is as safe as a mastectomy for you.",
            REPORT.differenceExplanation(), REPORT.dissent(), REPORT.signedBy(),
            List.of(new ReportConcern("Will I lose my breast?", "Most likely not: the tumour can be removed with a margin.")),
            new ReportComparison(null, "The MRI shows a single lesion", true, List.of(
                    new ReportComparison.Option("Mastectomy", "One operation", "Loss of the breast"),
                    new ReportComparison.Option("Lumpectomy and radiotherapy", "Keeps the breast", "Three weeks of radiotherapy")),
                    true),
            List.of("Genomic recurrence score"), List.of("Physiotherapy after surgery"));

    public static ReportReleased reportReleased(String caseId) {
        return new ReportReleased(caseId, 2, RELEASED, "coordinator.ana", Instant.now());
    }

    public static ReportDelivered reportDelivered(String caseId) {
        return new ReportDelivered(caseId, "deliver-" + caseId, Instant.now());
    }

    public static CaseWithdrawn withdrawn(String caseId) {
        return new CaseWithdrawn(caseId, "treated locally", Instant.now());
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static long daysFromNow(Instant instant) {
        return ChronoUnit.HOURS.between(Instant.now(), instant) / 24;
    }
}
