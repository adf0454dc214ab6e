package org.consilium.mdt.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The report as a FHIR R4 Composition: the required elements, and narrative that is well-formed XHTML. */
class ReportCompositionTest {
    static final Instant SIGNED = Instant.parse("2026-11-25T10:00:00.123456Z");
    static final ReportComposition.Case CASE = new ReportComposition.Case("case 42/a", "Surgery or chemo first?",
            "Lobectomy then chemotherapy", List.of(
                    new ReportComposition.Author("Dr Wei Zhang", "medical-oncologist", true),
                    new ReportComposition.Author("Dr O'Brien", "pathologist", false, true)), SIGNED);
    /** Every section filled, with text that would break naive XHTML. */
    static final ReportSections FULL = new ReportSections(false, "Chemo-immunotherapy <first> & then surgery",
            "Treatment before the operation", "PD-L1 90% was not considered", List.of("The surgeon prefers \"surgery\" first"),
            List.of(new ConcernAnswer("Can I keep working?", "Mostly yes </div><script>alert(1)</script>")),
            new FirstOpinionComparison("PD-L1 re-scored", null, true,
                    List.of(new OptionBenefitsAndRisks("Surgery first", "Immediate removal", "Micrometastases untreated"),
                            new OptionBenefitsAndRisks("Neoadjuvant", "Shrinks the tumour", "Delay if no response")),
                    true),
            List.of("Brain MRI"), List.of("Acupuncture for nausea"));

    static Report released() {
        return Report.first(FULL, "Dr Wei Zhang", SIGNED).approve("case 42/a", "Ana", SIGNED.plusSeconds(60))
                .release("case 42/a", "Ana", SIGNED.plusSeconds(120));
    }

    @Test
    void hasTheRequiredElementsOfACompositionAndItsContext() {
        JsonNode c = ReportComposition.of(CASE, released());
        assertThat(c.path("resourceType").asText()).isEqualTo("Composition");
        assertThat(c.path("id").asText()).matches("[A-Za-z0-9\\-.]{1,64}");
        assertThat(c.path("meta").path("versionId").asText()).isEqualTo("1");
        assertThat(c.path("status").asText()).isEqualTo("final");
        assertThat(c.path("type").path("coding").get(0).path("system").asText()).isEqualTo("http://loinc.org");
        assertThat(c.path("type").path("coding").get(0).path("code").asText()).isEqualTo("11488-4");
        assertThat(c.path("subject").path("reference").asText()).isEqualTo("ServiceRequest/case 42/a");
        assertThat(c.path("date").asText()).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(c.path("title").asText()).isNotBlank();
        assertThat(texts(c.path("author"), "display"))
                .containsExactly("Dr Wei Zhang (medical-oncologist)",
                        "Dr O'Brien (pathologist, reviews across borders)"); // licensure widened for the case
        JsonNode chair = c.path("attester").get(0);
        assertThat(chair.path("mode").asText()).isEqualTo("professional");
        assertThat(chair.path("party").path("display").asText()).startsWith("Dr Wei Zhang");
        assertThat(chair.path("time").asText()).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(c.path("attester").get(1).path("mode").asText()).isEqualTo("official");
        List<String> codes = new ArrayList<>();
        c.path("section").forEach(s -> codes.add(s.path("code").path("coding").get(0).path("code").asText()));
        assertThat(codes).containsExactly("question", "recommendation", "comparison", "concerns", "still-missing",
                "supportive-care", "disclaimer");
        c.path("section").forEach(s -> {
            assertThat(s.path("title").asText()).isNotBlank();
            assertThat(s.path("text").path("status").asText()).isEqualTo("generated");
        });
    }

    @Test
    void everyNarrativeIsWellFormedXhtmlAndKeepsTheTextAsText() throws Exception {
        JsonNode c = ReportComposition.of(CASE, released());
        Set<String> allowed = Set.of("div", "p", "b", "ul", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
                "th", "td");
        StringBuilder allText = new StringBuilder();
        for (JsonNode section : c.path("section")) {
            Element div = parse(section.path("text").path("div").asText());
            assertThat(div.getLocalName()).isEqualTo("div");
            assertThat(div.getNamespaceURI()).isEqualTo(ReportComposition.XHTML_NS);
            assertThat(div.getTextContent()).isNotBlank();
            NodeList all = div.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                assertThat(allowed).contains(all.item(i).getLocalName());
                assertThat(all.item(i).getNamespaceURI()).isEqualTo(ReportComposition.XHTML_NS);
            }
            allText.append(div.getTextContent()).append('\n');
        }
        assertThat(allText.toString()).contains("Chemo-immunotherapy <first> & then surgery",
                "Mostly yes </div><script>alert(1)</script>", "The surgeon prefers \"surgery\" first",
                "PD-L1 re-scored", "Micrometastases untreated", "Brain MRI", "Acupuncture for nausea",
                "never instead of oncology treatment", ReportComposition.DISCLAIMER, "Surgery or chemo first?");
    }

    @Test
    void aDraftIsPreliminaryAndOptionalSectionsAreLeftOutWhenEmpty() {
        ReportSections bare = new ReportSections(true, "Surgery", "Go ahead", null, null, null, null, null, null);
        JsonNode c = ReportComposition.of(new ReportComposition.Case("c1", null, null,
                List.of(new ReportComposition.Author("Dr A", "pathologist", true)), SIGNED),
                Report.first(FULL, "Dr A", SIGNED).revise("c1", "Ana", "shorter", 1, bare, SIGNED.plusSeconds(5)));
        assertThat(c.path("status").asText()).isEqualTo("preliminary");
        assertThat(c.path("meta").path("versionId").asText()).isEqualTo("2");
        assertThat(c.path("attester")).hasSize(1);
        List<String> codes = new ArrayList<>();
        c.path("section").forEach(s -> codes.add(s.path("code").path("coding").get(0).path("code").asText()));
        assertThat(codes).containsExactly("question", "recommendation", "comparison", "disclaimer");
    }

    @Test
    void escapingDropsCharactersXmlForbids() {
        assertThat(ReportComposition.escape("a\u0001b<c>&'\"")).isEqualTo("ab&lt;c&gt;&amp;&#39;&quot;");
        assertThat(ReportComposition.fhirId("case 42/a")).isEqualTo("case-42-a");
    }

    static Element parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml))).getDocumentElement();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
