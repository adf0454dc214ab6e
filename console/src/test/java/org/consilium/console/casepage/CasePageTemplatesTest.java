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
    void theRecordsStandOnThePageEachDocumentShownAsWhatItIsWithWaiveOverrideAndDropZones() {
        Map<String, Object> model = caseModel(ReportDesk.section(report(), null, null, Optional.empty()));
        model.put("checklist", checklist());
        model.put("checklistProblem", "");
        model.put("csrf", new org.springframework.security.web.server.csrf.DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t"));
        String html = render("case", model).replaceAll("\\s+", " ");
        assertThat(html).contains("<h2 id=\"records-heading\">Records</h2>", "data-uploads=\"/cases/case-1/uploads\"",
                        "name=\"csrf-token\"", "/js/uploads-abc.js", "/js/vendor/tus.min-abc.js")
                // a PDF in a frame, an image as an image, a DICOM file to download; each loaded only when opened
                .contains("<iframe class=\"document-frame\" src=\"/cases/case-1/documents/d-pdf\" loading=\"lazy\" title=\"pathology.pdf, Pathology report\">")
                .contains("<img class=\"document-image\" src=\"/cases/case-1/documents/d-png\" loading=\"lazy\" alt=\"photo.png, a document of Pathology report\">")
                .contains("href=\"/cases/case-1/documents/d-dcm\">Download IM0001</a>")
                // the study the DICOM file holds, from its header
                .contains("data-study=\"1.2.840.1\"", "CT of 2026-11-20", "1 file", "Study Instance UID 1.2.840.1")
                // the stale item may be waived, with a reason; the received one not; the override while collecting
                .contains("id=\"waive-ct\"", "action=\"/cases/case-1/records/items/ct/waiver#item-ct\"", "for=\"waive-ct-reason\"")
                .doesNotContain("id=\"waive-pathology-report\"")
                .contains("id=\"override\"", "action=\"/cases/case-1/records/override#records\"")
                // each item takes files on the patient's behalf, the script's words beside
                .contains("id=\"files-ct\"", "data-item=\"ct\"", "accept=\".pdf,.dcm\"", "id=\"upload-words\"")
                .contains("waived by cora.nolan", "document-frame");
        assertThat(html.indexOf("id=\"records\"")).isLessThan(html.indexOf("id=\"report\""));
    }

    @Test
    void aRefusedWaiverSaysWhyNextToTheReasonAndKeepsIt() {
        Map<String, Object> model = caseModel(ReportDesk.section(report(), null, null, Optional.empty()));
        model.put("checklist", checklist());
        model.put("checklistProblem", "");
        model.put("forms", new SectionForms(Optional.of(new SectionAttempt("waive-ct", Map.of("reason", "  "),
                "Not waived — Invalid request content", Map.of("reason", "must not be blank"), 400))));
        String html = render("case", model).replaceAll("\\s+", " ");
        assertThat(html).contains("<details class=\"waive\" id=\"waive-ct\" open=\"open\">")
                .contains("role=\"alert\">Not waived — Invalid request content</p>")
                .contains("id=\"waive-ct-reason-error\">must not be blank</p>")
                .contains("aria-invalid=\"true\" aria-describedby=\"waive-ct-reason-error\"> </textarea>")
                .doesNotContain("<details class=\"override\" id=\"override\" open");
    }

    @Test
    void theLinksAreListedANewOnesAddressShownOnceAndEachActiveOneRevocable() {
        Map<String, Object> model = caseModel(ReportDesk.section(report(), null, null, Optional.empty()));
        model.put("linksProblem", "");
        model.put("links", List.of(new UploadLink("l-1", "Dr Tan, Mercy Hospital", "ACTIVE", "cora.nolan", T,
                        T.plusSeconds(7 * 86_400), null, null),
                new UploadLink("l-0", "Dr Old", "REVOKED", "cora.nolan", T, T.plusSeconds(86_400), T, "ana.okafor")));
        model.put("issued", new UploadLink.Issued("l-2", "http://localhost:8090/upload/tok", T.plusSeconds(3 * 86_400), "Dr Lim"));
        String html = render("case", model);
        assertThat(html).contains("<h2 id=\"links-heading\">Upload links</h2>", "Dr Tan, Mercy Hospital", "2026-12-13 10:00 UTC")
                .contains("value=\"http://localhost:8090/upload/tok\"", "it is shown only this once", "for=\"issued-url\"")
                .contains("action=\"/cases/case-1/upload-links/l-1/revoke#upload-links\"")
                .doesNotContain("/upload-links/l-0/revoke")
                .contains("by ana.okafor at 2026-12-06 10:00 UTC")
                .contains("<option value=\"P7D\" selected=\"selected\">7 days</option>", "for=\"link-label\"");
    }

    @Test
    void aServiceThatDoesNotAnswerLeavesItsSectionsSayingSo() {
        String html = render("case", caseModel(ReportDesk.section(report(), null, null, Optional.empty())));
        assertThat(html).contains("records-service did not answer").doesNotContain("id=\"link-create\"")
                .doesNotContain("id=\"override\"");
    }

    @Test
    void thePanelSaysWhyEachMemberWasChosenAndWhoseOpinionIsInNeverWhatItSays() {
        Map<String, Object> model = caseModel(ReportDesk.section(report(), null, null, Optional.empty()));
        model.put("panelProblem", "");
        model.put("panel", panel());
        model.put("forms", new SectionForms(Optional.of(new SectionAttempt("swap-pathology", Map.of("specialistId",
                "dr-nobody", "reason", "Dr Lee is away"), "Not swapped — Unprocessable Entity: unknown specialist dr-nobody",
                Map.of(), 422))));
        String html = render("case", model).replaceAll("\\s+", " ");
        assertThat(html).contains("<h2 id=\"panel-heading\">Panel</h2>", "1 of 2 opinions are in",
                        "What they say stays with the panel until the consensus", "Board, 2026-12-10 08:00 UTC – 09:00 UTC",
                        "href=\"/cases/case-1/agenda\"", "the first session with a quorum",
                        "thoracic surgery; speaks Bahasa Indonesia", "No member yet for: radiation oncology")
                // a member who gave an opinion keeps the seat; the others and the empty seats may be swapped or filled
                .doesNotContain("id=\"swap-thoracic-surgery\"")
                .contains("<details class=\"swap\" id=\"swap-pathology\" open=\"open\">", "Swap the pathology seat",
                        "id=\"swap-radiation-oncology\"", "Fill the radiation oncology seat",
                        "action=\"/cases/case-1/panel/pathology#panel\"")
                .contains("role=\"alert\">Not swapped — Unprocessable Entity: unknown specialist dr-nobody</p>",
                        "value=\"dr-nobody\"", ">Dr Lee is away</textarea>")
                .doesNotContain("OPINION TEXT");
    }

    @Test
    void theAgendaListsTheSessionsCasesInOrderThisOneMarked() {
        Map<String, Object> model = page();
        model.put("caseFile", header());
        model.put("agendaSession", Optional.of(panel().session()));
        model.put("agenda", Optional.of(new SessionAgenda("s-1", "BOARD", T, T.plusSeconds(3600), List.of(
                new SessionAgenda.Item(1, "case-0", "URGENT", "lung", T, T.plusSeconds(180), "urgent"),
                new SessionAgenda.Item(2, "case-1", "ROUTINE", "lung", T.plusSeconds(180), T.plusSeconds(360), "routine")))));
        String html = render("agenda", model).replaceAll("\\s+", " ");
        assertThat(html).contains("The session&#39;s agenda", "href=\"/cases/case-0\"", "aria-current=\"true\"",
                "10:03 UTC – 10:06 UTC", "this case");
        assertThat(html.indexOf("case-0")).isLessThan(html.indexOf("href=\"/cases/case-1\">case-1"));
    }

    private static PanelFile panel() {
        com.fasterxml.jackson.databind.node.ObjectNode none = null;
        return new PanelFile("case-1", "SCHEDULED", new PanelFile.Session("s-1", Instant.parse("2026-12-10T08:00:00Z"),
                Instant.parse("2026-12-10T09:00:00Z"), "BOARD", "lung", "dr-chair", "the first session with a quorum"),
                List.of(new PanelFile.Member("dr-tan", "Dr Tan", "thoracic-surgery", "Asia/Singapore", true,
                                "thoracic surgery; speaks Bahasa Indonesia", true, false, false),
                        new PanelFile.Member("dr-lee", "Dr Lee", "pathology", "Europe/London", false, "pathology", false,
                                false, false)),
                List.of("radiation-oncology"), List.of(), none);
    }

    private static Checklist checklist() {
        Checklist.Document pdf = new Checklist.Document("d-pdf", "pathology.pdf", "application/pdf", 12_000, T,
                LocalDate.of(2026, 11, 30), null, null, "pat.lee");
        Checklist.Document png = new Checklist.Document("d-png", "photo.png", "image/png", 900, T, null, null, null, null);
        Checklist.Document dcm = new Checklist.Document("d-dcm", "IM0001", "application/dicom", 500_000, T, null, null,
                new Checklist.Dicom("1.2.840.1", "CT", LocalDate.of(2026, 11, 20)), "cora.nolan");
        return new Checklist("COLLECTING", T, null, new Checklist.Counts(2, 1, 1, 0, 0, 3), List.of(
                new Checklist.Item("pathology-report", "Pathology report", true, "RECEIVED", null, null,
                        new Checklist.Decision("cora.nolan", "the old one", T), List.of(pdf, png)),
                new Checklist.Item("ct", "CT chest", true, "STALE", 60, "older than 60 days", null, List.of(dcm))),
                List.of(new Checklist.Study("1.2.840.1", "CT", LocalDate.of(2026, 11, 20), List.of("ct"), List.of("d-dcm"))));
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

    @Test
    void theCasePageReadsInSimplifiedChineseWhileWhatPeopleWroteStaysAsWritten() {
        Map<String, Object> model = caseModel(ReportDesk.section(report(), null, null, Optional.empty()));
        model.put("checklist", checklist());
        model.put("checklistProblem", "");
        model.put("panel", panel());
        model.put("panelProblem", "");
        String html = TemplatePages.render("case", model, org.consilium.console.language.StaffLanguage.ZH);
        assertThat(html).contains("<html lang=\"zh-Hans\">", "<title>病例 case-1 · Consilium</title>",
                        "<h2 id=\"case-heading\">病例概况</h2>", "紧急", "肺癌", "多学科会诊（MDT）已完成", "知情同意记录（共 2 项决定）",
                        "联系现主治医生", "<h2 id=\"records-heading\">病历资料</h2>", "<h2 id=\"panel-heading\">专家组</h2>",
                        "第 2 版待审批", "阅读并审批第 2 版", "专家组的建议", "保存为第 3 版", "未确认：请处理", "时间线")
                // the patient's name, the question and the report's text are data: as written
                .contains("Budi Santoso", "Chemotherapy first?", "Chemo-immunotherapy first")
                .doesNotContain("??", "Version 2 waits for approval", "The case</h2>");
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
        model.put("checklist", null);
        model.put("checklistProblem", "records-service did not answer");
        model.put("links", List.of());
        model.put("linksProblem", "records-service did not answer");
        model.put("issued", null);
        model.put("panel", null);
        model.put("panelProblem", "No panel yet: mdt-scheduler composes one once the records are complete.");
        model.put("panelDone", "");
        model.put("expiryChoices", RecordsDeskController.EXPIRY);
        model.put("forms", new SectionForms(Optional.empty()));
        model.put("recordsDone", "");
        model.put("linksDone", "");
        model.put("w", org.consilium.console.patient.PatientWords.in(org.consilium.console.patient.PatientLanguage.EN, null));
        model.put("uploadsEndpoint", "/cases/case-1/uploads");
        model.put("uploadsScript", "/js/uploads-abc.js");
        model.put("tusScript", "/js/vendor/tus.min-abc.js");
        model.put("uploadsStyles", "/css/uploads-abc.css");
        model.put("accept", ".pdf,.dcm");
        model.put("refusals", List.of("duplicate-document"));
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
