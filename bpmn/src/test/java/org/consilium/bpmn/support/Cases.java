package org.consilium.bpmn.support;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;

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

    private Cases() {
    }

    /** Breast, routine: treatment start in 5 weeks, organ removal at stake. */
    public static CaseSubmitted breastRoutine(String caseId) {
        return new CaseSubmitted(caseId, "breast", "ORGAN_REMOVAL", today().plusDays(35),
                "Is breast-conserving surgery possible instead of a mastectomy?", "Mastectomy then chemotherapy",
                new Recipient("Layla Haddad", "layla@example.org", "ar"), List.of("ar", "en"), "Asia/Dubai", "AE",
                Instant.now(), "Dubai Oncology Centre");
    }

    /** Lung, urgent: surgery booked in 12 days. */
    public static CaseSubmitted lungUrgent(String caseId) {
        return new CaseSubmitted(caseId, "lung", "MAJOR_SURGERY", today().plusDays(12),
                "Should I have chemotherapy or immunotherapy before the operation instead?",
                "Lobectomy then chemotherapy", new Recipient("Siti Rahman", "siti@example.org", "id"),
                List.of("id", "en"), "Asia/Jakarta", "ID", Instant.now());
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
