package org.consilium.mdt.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * The current version of a report as a FHIR R4 {@code Composition}, written as plain JSON (no FHIR
 * library in this service). Each section carries generated XHTML narrative; every text from the
 * report is escaped, so the narrative is well-formed whatever the panel wrote.
 */
public final class ReportComposition {
    public static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    public static final String SECTION_SYSTEM = "urn:consilium:report-section";
    public static final String DISCLAIMER = "This second opinion is advice from a panel of specialists, based on the "
            + "records they received. It does not replace the patient's own doctors: decisions about treatment stay "
            + "with the patient and the treating team. Discuss this report with them before changing or stopping any "
            + "treatment.";
    static final String SUPPORTIVE_CARE_NOTE = "Supportive care may be coordinated with the oncology team, alongside "
            + "and never instead of oncology treatment.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * A panel member as an author of the report.
     *
     * @param crossBorder not licensed in the patient's country (licensure widened for the case): the report says so
     * @param guest       a guest specialist from outside the directory, invited for the case: the report says so
     */
    public record Author(String name, String discipline, boolean chair, boolean crossBorder, boolean guest) {
        public Author(String name, String discipline, boolean chair) {
            this(name, discipline, chair, false);
        }

        public Author(String name, String discipline, boolean chair, boolean crossBorder) {
            this(name, discipline, chair, crossBorder, false);
        }
    }

    /**
     * @param question     the patient's question for the panel
     * @param firstOpinion the first opinion / proposed plan the panel compared with
     * @param signedAt     when the chair signed the consensus
     */
    public record Case(String caseId, String question, String firstOpinion, List<Author> authors, Instant signedAt) {
    }

    private ReportComposition() {
    }

    public static ObjectNode of(Case kase, Report report) {
        ReportVersion current = report.current();
        ReportSections s = current.sections();
        ObjectNode composition = JSON.objectNode();
        composition.put("resourceType", "Composition");
        composition.put("id", fhirId(kase.caseId()) + "-report");
        ObjectNode meta = composition.putObject("meta");
        meta.put("versionId", String.valueOf(current.number()));
        meta.put("lastUpdated", instant(current.at()));
        ObjectNode identifier = composition.putObject("identifier");
        identifier.put("system", "urn:consilium:mdt-report");
        identifier.put("value", kase.caseId());
        composition.put("status", report.status() == ReportStatus.RELEASED ? "final" : "preliminary");
        ObjectNode type = composition.putObject("type");
        ObjectNode coding = type.putArray("coding").addObject();
        coding.put("system", "http://loinc.org");
        coding.put("code", "11488-4");
        coding.put("display", "Consult note");
        type.put("text", "Multidisciplinary second-opinion report");
        composition.putObject("subject").put("reference", "ServiceRequest/" + kase.caseId());
        composition.put("date", instant(current.at()));
        ArrayNode authors = composition.putArray("author");
        kase.authors().forEach(a -> authors.addObject().put("display", a.name() + " (" + a.discipline()
                + (a.crossBorder() ? ", reviews across borders" : "") + (a.guest() ? ", guest specialist" : "") + ")"));
        composition.put("title", "Multidisciplinary second opinion, case " + kase.caseId());
        ArrayNode attesters = composition.putArray("attester");
        kase.authors().stream().filter(Author::chair).findFirst().ifPresent(chair -> {
            ObjectNode attester = attesters.addObject();
            attester.put("mode", "professional");
            if (kase.signedAt() != null) {
                attester.put("time", instant(kase.signedAt()));
            }
            attester.putObject("party").put("display", chair.name() + " (chair of the panel)");
        });
        if (report.approvedVersion() != null) {
            ObjectNode attester = attesters.addObject();
            attester.put("mode", "official");
            attester.put("time", instant(report.approvedAt()));
            attester.putObject("party").put("display", report.approvedBy() + " (coordinator, approved version "
                    + report.approvedVersion() + ")");
        }
        if (attesters.isEmpty()) {
            composition.remove("attester");
        }

        ArrayNode sections = composition.putArray("section");
        section(sections, "question", "The question for the panel", div -> {
            paragraph(div, kase.question() == null ? "Not recorded." : kase.question());
            if (kase.firstOpinion() != null) {
                div.append("<p><b>First opinion: </b>").append(escape(kase.firstOpinion())).append("</p>");
            }
        });
        section(sections, "recommendation", "The panel's recommendation", div -> {
            paragraph(div, s.recommendation());
            div.append("<p><b>In plain words: </b>").append(escape(s.plainLanguageSummary())).append("</p>");
            if (!s.dissent().isEmpty()) {
                div.append("<p><b>Different views within the panel:</b></p>");
                list(div, s.dissent());
            }
        });
        section(sections, "comparison", "Comparison with the first opinion", div -> comparison(div, s));
        if (!s.concerns().isEmpty()) {
            section(sections, "concerns", "Answers to the patient's own concerns", div -> {
                div.append("<dl>");
                s.concerns().forEach(c -> div.append("<dt>").append(escape(c.concern())).append("</dt><dd>")
                        .append(escape(c.answer())).append("</dd>"));
                div.append("</dl>");
            });
        }
        if (!s.stillMissing().isEmpty()) {
            section(sections, "still-missing", "Information still missing", div -> list(div, s.stillMissing()));
        }
        if (!s.supportiveCare().isEmpty()) {
            section(sections, "supportive-care", "Supportive care", div -> {
                paragraph(div, SUPPORTIVE_CARE_NOTE);
                list(div, s.supportiveCare());
            });
        }
        section(sections, "disclaimer", "Please note", div -> paragraph(div, DISCLAIMER));
        return composition;
    }

    private static void comparison(StringBuilder div, ReportSections s) {
        paragraph(div, s.confirmsFirstOpinion() ? "The panel confirms the first opinion."
                : "The panel's recommendation differs from the first opinion.");
        if (s.differenceExplanation() != null && !s.differenceExplanation().isBlank()) {
            div.append("<p><b>What led to the difference: </b>").append(escape(s.differenceExplanation())).append("</p>");
        }
        FirstOpinionComparison c = s.comparison();
        if (c == null) {
            return;
        }
        if (c.pathologyReadDifferently() != null) {
            div.append("<p><b>Pathology read differently: </b>").append(escape(c.pathologyReadDifferently())).append("</p>");
        }
        if (c.imagingReadDifferently() != null) {
            div.append("<p><b>Imaging read differently: </b>").append(escape(c.imagingReadDifferently())).append("</p>");
        }
        if (c.bothOptionsReasonable() != null) {
            div.append("<p><b>Are both options medically reasonable? </b>")
                    .append(c.bothOptionsReasonable() ? "Yes." : "No.").append("</p>");
        }
        if (!c.benefitsAndRisks().isEmpty()) {
            div.append("<table><thead><tr><th>Option</th><th>Benefits</th><th>Risks</th></tr></thead><tbody>");
            c.benefitsAndRisks().forEach(o -> div.append("<tr><td>").append(escape(o.option())).append("</td><td>")
                    .append(escape(o.benefits())).append("</td><td>").append(escape(o.risks())).append("</td></tr>"));
            div.append("</tbody></table>");
        }
        if (c.jointDiscussionHelpful() != null) {
            div.append("<p><b>Would a joint discussion with the treating team help? </b>")
                    .append(c.jointDiscussionHelpful() ? "Yes." : "No.").append("</p>");
        }
    }

    private static void section(ArrayNode sections, String code, String title, Consumer<StringBuilder> body) {
        ObjectNode section = sections.addObject();
        section.put("title", title);
        ObjectNode coding = section.putObject("code").putArray("coding").addObject();
        coding.put("system", SECTION_SYSTEM);
        coding.put("code", code);
        StringBuilder div = new StringBuilder("<div xmlns=\"" + XHTML_NS + "\">");
        body.accept(div);
        div.append("</div>");
        ObjectNode text = section.putObject("text");
        text.put("status", "generated");
        text.put("div", div.toString());
    }

    private static void paragraph(StringBuilder div, String text) {
        div.append("<p>").append(escape(text)).append("</p>");
    }

    private static void list(StringBuilder div, List<String> items) {
        div.append("<ul>");
        items.forEach(i -> div.append("<li>").append(escape(i)).append("</li>"));
        div.append("</ul>");
    }

    /** XML text escaping; characters XML 1.0 does not allow at all are dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** FHIR ids are [A-Za-z0-9\-.]{1,64}: other characters become '-'. */
    static String fhirId(String caseId) {
        String id = caseId.replaceAll("[^A-Za-z0-9.-]", "-");
        return id.length() > 57 ? id.substring(0, 57) : id;
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
