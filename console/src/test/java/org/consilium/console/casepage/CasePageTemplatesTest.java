package org.consilium.console.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.TemplatePages;
import org.consilium.console.caseview.CaseEvents;
import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.TestCaseViews;

import org.consilium.console.cases.CaseHeader;
import org.consilium.console.deliveries.Delivery;
import org.consilium.console.reportdesk.ReportDesk;
import org.consilium.console.reportdesk.ReportEdit;
import org.consilium.console.reportdesk.ReportEditAttempt;
import org.consilium.console.reportdesk.ReportState;
import org.junit.jupiter.api.Test;

/**
 * The case page's report desk, emails and consents, and the confirmation and audit pages, rendered by Thymeleaf from
 * the real templates: what each shows in which state (the browser test shows them against the stack).
 */
class CasePageTemplatesTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theReportIsReadableItsChangesAreMarkedInWordsAndTheEditFormStartsFromTheCurrentVersion() {
        String html = render("case", caseModel(ReportDesk.section(report(), null, null, Optional.empty())));
        // the timeline: each event with its service and its line, nothing sealed
        assertThat(html).contains("<h2 id=\"timeline-heading\">Timeline</h2>", "data-event=\"TaskOpened\"",
                "Task opened: Review intake", "Accepted after triage: urgent, panel of 2 disciplines", "intake-service")
                .doesNotContain(CaseEvents.SEALED_QUESTION);

        assertThat(html).contains("Version 2 waits for approval")
                .contains("Read and approve version 2")
                .contains("Chemo-immunotherapy first")  // the current text
                .contains("Version 1 → version 2")
                .contains("<span class=\"visually-hidden\">removed: </span><span>Chemotherapy</span>")
                .contains("<span class=\"visually-hidden\">added: </span><span>Chemo-immunotherapy</span>")
                .contains("Save as version 3")
                .contains("name=\"basedOnVersion\" value=\"2\"")
                .contains("name=\"concerns[0].answer\"")
                .contains("Consent history", "contact current doctor", "withdrawn")
                .contains("Not confirmed: settle it", "Settle<span class=\"visually-hidden\"> the email to Siti Santoso");
    }

    @Test
    void aRefusedEditShowsWhatWasTypedAndEachComplaintNextToItsInput() {
        ReportEdit typed = ReportEdit.startingFrom(report().current());
        typed = new ReportEdit(2, "", typed.confirmsFirstOpinion(), "", typed.plainLanguageSummary(), "", "", typed.concerns(),
                "", "");
        String html = render("case", caseModel(ReportDesk.section(report(), null, null, Optional.of(new ReportEditAttempt(typed,
                Map.of("recommendation", "must not be blank", "reason", "must not be blank"), "Not saved: 2 fields need your attention.",
                400, null)))));
        assertThat(html).contains("Not saved: 2 fields need your attention.")
                .contains("href=\"#report-recommendation\">The panel&#39;s recommendation: must not be blank")
                .contains("id=\"report-recommendation-error\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"report-recommendation-error\"");
    }

    @Test
    void theConfirmationShowsTheTextItReleasesAndToWhom() {
        ReportState approved = new ReportState("case-1", "APPROVED", report().current(), 2, "cora.nolan", T, null, null,
                report().history());
        Map<String, Object> model = page();
        model.put("caseFile", header());
        model.put("report", approved);
        model.put("step", "release");
        model.put("atStake", true);
        model.put("version", approved.current());
        model.put("parts", org.consilium.console.reportdesk.ReportText.shown(approved.current().sections()));
        String html = render("report-confirm", model);
        assertThat(html).contains("Release version 2 of the report?")
                .contains("Chemo-immunotherapy first")
                .contains("and their doctor: the patient consents to contacting the doctor")
                .contains("name=\"version\" value=\"2\"")
                .contains("Release version 2 to the patient");
    }

    @Test
    void theAuditTrailSaysWhoDidWhatAndOffersEachRecordToNarrowItTo() {
        Map<String, Object> model = page();
        model.put("caseFile", header());
        model.put("entity", "");
        model.put("trail", new AuditTrail.Found(List.of(
                new AuditTrail.Line(T, "records-service", "dr-tan-wei-ming", "specialist", "R", "DocumentReference/doc-1",
                        "pathology-report.pdf", false),
                new AuditTrail.Line(T.minusSeconds(60), "records-service", "pat.other", "patient", "R", "DocumentReference/doc-1",
                        "pathology-report.pdf", true)), List.of("notification-service did not answer")));
        String html = render("audit", model);
        assertThat(html).contains("2 entries", "dr-tan-wei-ming", "Refused: ", "notification-service did not answer")
                .contains("<option value=\"DocumentReference/doc-1\">pathology-report.pdf (DocumentReference/doc-1)</option>")
                .contains("href=\"/cases/case-1/audit?entity=DocumentReference/doc-1\"");
    }

    private Map<String, Object> caseModel(Object reportSection) {
        Map<String, Object> model = page();
        model.put("caseFile", header());
        model.put("tasks", List.of());
        model.put("triagedUrgency", "");
        model.put("checklistProblem", "");
        model.put("today", LocalDate.of(2026, 12, 6));
        model.put("done", "");
        model.put("refused", "");
        model.put("here", "/cases/case-1");
        model.put("report", reportSection);
        model.put("reportDone", "");
        model.put("reportRefused", "");
        model.put("emails", List.of(new Delivery("d-1", "case-1", "REPORT", new Delivery.Recipient("Siti Santoso", "siti@example.org"),
                "id", "Laporan", List.of("report.pdf"), "UNCONFIRMED", 1, "timeout", T, null, null, null, List.of())));
        model.put("emailsProblem", "");
        model.put("timeline", Optional.of(CaseView.class.cast(TestCaseViews.of("case-1", "lung", "URGENT", true,
                CaseEvents.opened("case-1", "t-1", "Review intake", "URGENT", T, null))).timeline()));
        return model;
    }

    private static Map<String, Object> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", "/css/console.css");
        return model;
    }

    static ReportState report() {
        ReportState.Sections one = new ReportState.Sections(false, "Chemotherapy first", "Medicine first.", "Missing tests.",
                List.of(), List.of(new ReportState.Concern("Hair?", "Probably.")), null, List.of("EGFR"), List.of());
        ReportState.Sections two = new ReportState.Sections(false, "Chemo-immunotherapy first", "Medicine first.", "Missing tests.",
                List.of(), List.of(new ReportState.Concern("Hair?", "Probably.")), null, List.of("EGFR"), List.of());
        ReportState.Version v1 = new ReportState.Version(1, one, "dr-chair", "the consensus", T);
        ReportState.Version v2 = new ReportState.Version(2, two, "cora.nolan", "immunotherapy named", T);
        return new ReportState("case-1", "DRAFT", v2, null, null, null, null, null, List.of(v1, v2));
    }

    static CaseHeader header() {
        return new CaseHeader("case-1", "Budi Santoso", "MDT_CONCLUDED", "URGENT", "lung", "Chemotherapy first?", null, T,
                List.of("thoracic-surgery"), Map.of("REVIEW", true, "CONTACT_CURRENT_DOCTOR", true), List.of(), null, null, null,
                List.of(new CaseHeader.ConsentChange("CONTACT_CURRENT_DOCTOR", true, T),
                        new CaseHeader.ConsentChange("CONTACT_CURRENT_DOCTOR", false, T)));
    }

    private String render(String template, Map<String, Object> model) {
        return TemplatePages.render(template, model);
    }
}
