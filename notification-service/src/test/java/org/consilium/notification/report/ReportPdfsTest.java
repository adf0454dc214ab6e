package org.consilium.notification.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.consilium.events.DeliverReport;
import org.consilium.events.Recipient;
import org.consilium.events.ReportComparison;
import org.consilium.events.ReportConcern;
import org.consilium.events.ReportContent;
import org.consilium.notification.mail.Attachment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.GenericApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both PDF renderings, parsed back with PDFBox. With {@code -Dconsilium.samples=<dir>} the test also
 * writes the reader samples (docs/samples/report-plain-en.pdf, report-plain-zh.pdf, report-plain-ar.pdf,
 * report-clinician.pdf).
 */
class ReportPdfsTest {
    static final Instant ISSUED = Instant.parse("2026-11-25T09:30:00Z");
    static final ReportPdfs pdfs = new ReportPdfs(new GenericApplicationContext());

    static DeliverReport lungCase(String language) {
        return new DeliverReport("case-2026-0042", new Recipient("Budi Santoso", "budi@example.org", language),
                "Should I have chemotherapy or immunotherapy before the operation instead?",
                "Lobectomy, then adjuvant chemotherapy; surgery booked in 12 days.",
                new ReportContent(false, "Neoadjuvant chemo-immunotherapy (3 cycles), then lobectomy if restaging allows.",
                        "The panel suggests medicine first, to shrink the cancer, and the operation afterwards.",
                        "PD-L1 and EGFR/ALK results, not available to the first team, make treatment before surgery the better option.",
                        List.of("The thoracic surgeon would operate first, as planned."), "Dr Lim Wei Ling, chair"));
    }

    /** The version a coordinator released: the consensus and every section around it. */
    static DeliverReport lungCaseReleased() {
        DeliverReport concluded = lungCase("en");
        ReportContent c = concluded.report();
        return new DeliverReport(concluded.caseId(), concluded.recipient(), concluded.questionForPanel(),
                concluded.firstOpinion(), new ReportContent(c.confirmsFirstOpinion(), c.recommendation(),
                c.plainLanguageSummary(), c.differenceExplanation(), c.dissent(), c.signedBy(),
                List.of(new ReportConcern("Will I lose my whole lung?",
                        "Most likely not: the plan is to remove one lobe, the same operation as before, only later.")),
                new ReportComparison("The same adenocarcinoma; PD-L1 was 60% on the panel's review.", null, true,
                        List.of(new ReportComparison.Option("Surgery first (the first opinion)",
                                        "The tumour is removed sooner", "Cancer cells outside the lung are treated later"),
                                new ReportComparison.Option("Medicine first (the panel)",
                                        "Shrinks the tumour and treats hidden spread early", "Side effects; surgery 9 weeks later")),
                        true),
                List.of("Brain MRI before the operation"), List.of("Stop-smoking support", "Dietitian during treatment")));
    }

    static DeliverReport lungCaseInChinese() {
        return new DeliverReport("case-2026-0043", new Recipient("王伟", "wang@example.org", "zh-Hans"),
                "我是否应该在手术前先接受化疗或免疫治疗？",
                "肺叶切除术，术后辅助化疗；手术已安排在12天后。",
                new ReportContent(false, "先进行3个周期的新辅助化疗联合免疫治疗，复查后如条件允许再行肺叶切除术。",
                        "专家小组建议先用药物使肿瘤缩小，然后再做手术。",
                        "第一诊疗团队当时没有PD-L1和EGFR/ALK检测结果；这些结果显示术前治疗是更好的选择。",
                        List.of("胸外科医生倾向于按原计划先手术。"), "林医生（主席）",
                        List.of(new ReportConcern("我会失去整个肺吗？", "很可能不会：计划只切除一个肺叶，和原来的手术一样，只是时间推后。")),
                        new ReportComparison("同样是腺癌；专家小组复核的PD-L1为60%。", null, true, List.of(
                                new ReportComparison.Option("先手术（第一诊疗意见）", "更早切除肿瘤", "肺外的癌细胞要晚些才得到治疗"),
                                new ReportComparison.Option("先用药（专家小组）", "缩小肿瘤并及早治疗隐匿的扩散", "副作用；手术推迟9周")),
                                true),
                        List.of("手术前的脑部核磁共振"), List.of("戒烟支持", "治疗期间的营养师指导")));
    }

    @Test
    void thePlainEnglishReportHasEverySectionAndSaysWhatThePanelDidNotProvide() throws IOException {
        Attachment pdf = pdfs.plain(lungCase("en"), ISSUED);

        assertThat(pdf.fileName()).isEqualTo("consilium-report-case-2026-0042-en.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = text(pdf);
        assertThat(text).contains("Your second-opinion report", "Prepared for Budi Santoso", "November 25, 2026",
                "Your question", "chemotherapy or immunotherapy before the operation instead?",
                "What the panel recommends", "is different from the first opinion", "Neoadjuvant chemo-immunotherapy",
                "In plain words", "medicine first", "How this compares with the first opinion", "Lobectomy, then adjuvant",
                "PD-L1 and EGFR/ALK results", "Different views within the panel", "would operate first",
                "Answers to your own questions", "Information that is still missing", "Not provided",
                "Dr Lim Wei Ling, chair", "decisions about your treatment stay with you", "case-2026-0042", "Page 1");
    }

    /** Issue 11: the date a report was issued is the patient's date, not the date in UTC. */
    @Test
    void theIssueDateIsThePatientsDate() {
        DeliverReport utc = lungCase("en");
        Instant lateEveningUtc = Instant.parse("2026-11-25T20:30:00Z");
        DeliverReport inJakarta = new DeliverReport(utc.caseId(), utc.recipient(), utc.questionForPanel(),
                utc.firstOpinion(), utc.report(), "Asia/Jakarta");

        assertThat(text(pdfs.plain(inJakarta, lateEveningUtc))).contains("Issued November 26, 2026");
        assertThat(text(pdfs.plain(utc, lateEveningUtc))).contains("Issued November 25, 2026");
        DeliverReport unknownZone = new DeliverReport(utc.caseId(), utc.recipient(), utc.questionForPanel(),
                utc.firstOpinion(), utc.report(), "Mars/Olympus");
        assertThat(text(pdfs.plain(unknownZone, lateEveningUtc))).contains("Issued November 25, 2026");
    }

    /** Issue 11: a bell character in a name made the report fail to render and the case stall with nothing said. */
    @Test
    void charactersXmlForbidsInAnyTextNeverStopTheReportFromRendering() {
        DeliverReport clean = lungCase("en");
        ReportContent c = clean.report();
        DeliverReport odd = new DeliverReport(clean.caseId(), new Recipient("Budi\u0007 Santoso", "budi@example.org", "en"),
                "Surgery first?\u0000", clean.firstOpinion(), new ReportContent(c.confirmsFirstOpinion(),
                "Medicine first \uD800then surgery", c.plainLanguageSummary(), c.differenceExplanation(), c.dissent(),
                "Dr Lim\u001B"));

        for (Attachment pdf : List.of(pdfs.plain(odd, ISSUED), pdfs.clinician(odd, ISSUED))) {
            String text = text(pdf);
            assertThat(text).contains("Budi\uFFFD Santoso", "Dr Lim\uFFFD").doesNotContain("\u0007", "\u0000");
        }
        assertThat(text(pdfs.plain(odd, ISSUED))).contains("Medicine first \uFFFDthen surgery");
    }

    @ParameterizedTest
    @CsvSource({"zh", "zh-Hans", "zh-CN", "zh_CN", "ZH-hans-CN"})
    void simplifiedChineseReadersGetTheChineseReportWithChineseGlyphsEmbedded(String language) throws IOException {
        DeliverReport report = lungCase(language);
        Attachment pdf = pdfs.plain(report, ISSUED);

        assertThat(pdf.fileName()).isEqualTo("consilium-report-case-2026-0042-zh.pdf");
        String text = text(pdf);
        assertThat(text).contains("您的第二诊疗意见报告", "您的问题", "专家小组的建议", "与第一诊疗意见的比较", "未提供",
                "请注意", "2026年11月25日", "Neoadjuvant chemo-immunotherapy", "Dr Lim Wei Ling, chair");
        assertThat(text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count())
                .isGreaterThan(200);
        assertThat(fontNames(pdf)).anyMatch(name -> name.contains("DroidSansFallback"));
    }

    static DeliverReport breastCaseInArabic() {
        return new DeliverReport("case-2026-0051", new Recipient("ليلى حسن", "layla@example.org", "ar-AE"),
                "هل يمكن إجراء جراحة تحافظ على الثدي بدلاً من استئصاله؟",
                "استئصال الثدي ثم علاج كيميائي؛ يبدأ العلاج بعد 5 أسابيع.",
                new ReportContent(false, "جراحة تحافظ على الثدي بعد تصوير الثدي بالرنين المغناطيسي، ثم علاج إشعاعي.",
                        "ترى اللجنة أن إزالة الورم وحده ممكنة على الأرجح، مع الحفاظ على الثدي.",
                        "لم يكن تصوير الرنين المغناطيسي متاحًا للفريق الأول؛ حجم الورم 2.1 cm يسمح بجراحة محافظة.",
                        List.of("يفضّل جرّاح الثدي انتظار نتيجة BRCA قبل القرار."), "د. سارة المنصوري، رئيسة اللجنة",
                        List.of(new ReportConcern("هل يمكنني الحفاظ على خصوبتي؟",
                                "نعم، يمكن حفظ البويضات قبل العلاج الكيميائي؛ تحدثي مع طبيبتك قريبًا.")),
                        new ReportComparison("قراءة الصور نفسها؛ لم يكن الرنين المغناطيسي متاحًا.", null, true, List.of(
                                new ReportComparison.Option("استئصال الثدي (الرأي الأول)", "عملية واحدة", "فقدان الثدي"),
                                new ReportComparison.Option("جراحة محافظة (اللجنة)", "الحفاظ على الثدي", "علاج إشعاعي بعد الجراحة")),
                                true),
                        List.of("تصوير الثدي بالرنين المغناطيسي", "نتيجة فحص BRCA"), List.of("الوخز بالإبر للمساعدة على النوم")));
    }

    /**
     * Issue 11: Arabic letters were missing from the PDF. Arabic is joined (shaped) and laid out right to left:
     * the glyphs drawn are the contextual presentation forms, every one in the embedded font (no '#' boxes), and
     * the text reads back in logical order.
     */
    @ParameterizedTest
    @CsvSource({"ar", "ar-AE", "ar_EG"})
    void arabicReadersGetAShapedRightToLeftReport(String language) throws IOException {
        DeliverReport arabic = breastCaseInArabic();
        Attachment pdf = pdfs.plain(new DeliverReport(arabic.caseId(), new Recipient("ليلى حسن", "layla@example.org",
                language), arabic.questionForPanel(), arabic.firstOpinion(), arabic.report()), ISSUED);

        assertThat(pdf.fileName()).isEqualTo("consilium-report-case-2026-0051-ar.pdf");
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("تقرير الرأي الطبي الثاني", "سؤالك", "توصية اللجنة", "يرجى الانتباه",
                "ليلى حسن", "جراحة تحافظ على الثدي", "case-2026-0051").doesNotContain("#", "\uFFFD");
        List<Integer> drawn = drawnCodePoints(pdf);
        assertThat(drawn).as("shaped: initial, medial and final forms are drawn")
                .anyMatch(c -> c >= 0xFE70 && c <= 0xFEFC);
        assertThat(drawn).as("the Arabic letters are drawn (a missing glyph would be a #)")
                .filteredOn(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).hasSizeGreaterThan(500);
        assertThat(fontNames(pdf)).anyMatch(name -> name.contains("DejaVuSans"));
    }

    /** Issue 11: a Portuguese-speaking patient got English. Each language: its words, its date, the panel's text as written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pt    | pt | Relatório da sua segunda opinião | A sua pergunta | O que o painel recomenda | 25 de novembro de 2026 | Nota importante | Não indicado",
            "pt-BR | pt | Relatório da sua segunda opinião | Em palavras simples | Comparação com a primeira opinião | 25 de novembro de 2026 | Benefícios e riscos | Não indicado",
            "es    | es | Su informe de segunda opinión | Su pregunta | Lo que recomienda el panel | 25 de noviembre de 2026 | Tenga en cuenta | No consta",
            "es-MX | es | Su informe de segunda opinión | En palabras sencillas | Comparación con la primera opinión | 25 de noviembre de 2026 | Opiniones distintas | No consta",
            "id    | id | Laporan opini kedua Anda | Pertanyaan Anda | Rekomendasi panel | 25 November 2026 | Harap diperhatikan | Tidak tersedia",
            "id-ID | id | Laporan opini kedua Anda | Dengan kata-kata sederhana | Perbandingan dengan opini pertama | 25 November 2026 | Halaman 1 | Tidak tersedia"})
    void portugueseSpanishAndIndonesianReadersGetTheReportInTheirLanguage(String requested, String language,
            String title, String section, String otherSection, String date, String note, String notProvided) throws IOException {
        Attachment pdf = pdfs.plain(lungCase(requested), ISSUED);

        assertThat(pdf.fileName()).isEqualTo("consilium-report-case-2026-0042-" + language + ".pdf");
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains(title, section, otherSection, date, note, notProvided,
                        "Neoadjuvant chemo-immunotherapy", "Dr Lim Wei Ling, chair", "case-2026-0042")
                .doesNotContain("Your second-opinion report", "What the panel recommends", "#");
    }

    @ParameterizedTest
    @CsvSource({"ms", "fr-FR", "zh-TW", "zh-Hant", "not a language", "''"})
    void otherLanguagesFallBackToEnglish(String language) throws IOException {
        Attachment pdf = pdfs.plain(lungCase(language), ISSUED);

        assertThat(pdf.fileName()).endsWith("-en.pdf");
        assertThat(text(pdf)).contains("Your second-opinion report", "What the panel recommends");
    }

    /** A reader who asked for another language is told why the report is in English, not left to wonder. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ms | Malay", "fr-FR | French (France)", "zh-TW | Chinese (Taiwan)",
            "zh-Hant | Chinese (Traditional)"})
    void anEnglishFallbackSaysWhichLanguageItStandsIn(String language, String name) throws IOException {
        String text = text(pdfs.plain(lungCase(language), ISSUED)).replaceAll("\\s+", " ");

        assertThat(text).contains("This report is in English because it is not yet available in " + name + ".");
    }

    @ParameterizedTest
    @CsvSource({"en", "en-GB", "not a language", "''"})
    void anEnglishReportForAnEnglishOrUnknownLanguageHasNoSuchNote(String language) throws IOException {
        assertThat(text(pdfs.plain(lungCase(language), ISSUED))).doesNotContain("not yet available");
    }

    @Test
    void theClinicianReportIsStructured() throws IOException {
        Attachment pdf = pdfs.clinician(lungCase("zh"), ISSUED);

        assertThat(pdf.fileName()).isEqualTo("consilium-report-case-2026-0042-clinician.pdf");
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("MDT second-opinion report", "clinician version", "1. Question for the panel",
                "2. First opinion", "3. Consensus recommendation", "4. Structured comparison", "DIFFERS",
                "Information that led to a difference", "PD-L1 and EGFR/ALK results", "Pathology or imaging read differently",
                "5. Dissent", "would operate first", "8. Signed", "Dr Lim Wei Ling, chair", "Disclaimer",
                "Issued 2026-11-25 (UTC)", "Not provided.");
    }

    @Test
    void aReleasedVersionShowsEverySectionInBothRenderings() throws IOException {
        DeliverReport report = lungCaseReleased();
        String plain = text(pdfs.plain(report, ISSUED)).replaceAll("\\s+", " ");
        assertThat(plain).contains("Will I lose my whole lung?", "remove one lobe", "PD-L1 was 60%",
                "Are both options reasonable? Yes", "Surgery first (the first opinion)", "Benefits: Shrinks the tumour",
                "Risks: Side effects", "Would a joint discussion with your doctors help? Yes",
                "Brain MRI before the operation", "Stop-smoking support", "Dietitian during treatment")
                .doesNotContain("Not provided");
        String clinician = text(pdfs.clinician(report, ISSUED)).replaceAll("\\s+", " ");
        assertThat(clinician).contains("Medicine first (the panel)", "Benefits: Shrinks the tumour", "Risks: Side effects",
                "Will I lose my whole lung?", "Brain MRI before the operation", "Stop-smoking support; Dietitian")
                .doesNotContain("Not provided.");
    }

    @Test
    void aConfirmingReportWithoutOptionalTextSaysSoHonestly() throws IOException {
        DeliverReport report = new DeliverReport("case-9", new Recipient(null, "x@example.org", "en"), null, null,
                new ReportContent(true, "Surgery as planned", null, null, null, null));

        String plain = text(pdfs.plain(report, ISSUED));
        assertThat(plain).contains("agrees with the first opinion", "Surgery as planned", "Nothing: the panel reached the same view",
                "No different views were recorded").doesNotContain("Prepared for");
        String clinician = text(pdfs.clinician(report, ISSUED));
        assertThat(clinician).contains("CONFIRMS", "Not applicable (concordant)", "None recorded.");
    }

    @Test
    void namesInAnyLatinScriptAndChineseWithinAnEnglishReportKeepTheirGlyphs() throws IOException {
        DeliverReport report = new DeliverReport("case-7", new Recipient("Łukasz Nguyễn Thị Ánh", "x@example.org", "en"),
                "Is surgery ≥ 2 cm safe?", null, new ReportContent(true, "Surgery", "ok", null, List.of(), "Dr Đặng · 王医生"));

        Attachment pdf = pdfs.plain(report, ISSUED);
        assertThat(text(pdf)).contains("Łukasz Nguyễn Thị Ánh", "≥ 2 cm", "Dr Đặng · 王医生").doesNotContain("#");
        assertThat(fontNames(pdf)).allMatch(name -> name.contains("DejaVuSans") || name.contains("DroidSansFallback"));
    }

    @Test
    void textFromThePanelIsEscapedNotInterpreted() throws IOException {
        DeliverReport report = new DeliverReport("case-<x>", new Recipient("A & B", "x@example.org", "en"),
                "Is <b>this</b> & that safe?", "first", new ReportContent(true, "ok", "ok", null, List.of(), "Dr <i>"));

        Attachment pdf = pdfs.plain(report, ISSUED);
        assertThat(pdf.fileName()).isEqualTo("consilium-report-case-_x_-en.pdf");
        assertThat(text(pdf)).contains("Is <b>this</b> & that safe?", "Dr <i>", "A & B");
    }

    /** Writes the reader samples when asked: {@code -Dconsilium.samples=../docs/samples}. */
    @Test
    void writesTheReaderSamplesWhenAsked() throws IOException {
        String dir = System.getProperty("consilium.samples");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path samples = Files.createDirectories(Path.of(dir));
        Files.write(samples.resolve("report-plain-en.pdf"), pdfs.plain(lungCaseReleased(), ISSUED).content());
        Files.write(samples.resolve("report-plain-zh.pdf"), pdfs.plain(lungCaseInChinese(), ISSUED).content());
        Files.write(samples.resolve("report-plain-ar.pdf"), pdfs.plain(breastCaseInArabic(), ISSUED).content());
        Files.write(samples.resolve("report-clinician.pdf"), pdfs.clinician(lungCaseReleased(), ISSUED).content());
    }

    static String text(Attachment pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            assertThat(document.getNumberOfPages()).isBetween(1, 4);
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The characters as drawn (the fonts' ToUnicode), before PDFBox folds presentation forms back to letters. */
    static List<Integer> drawnCodePoints(Attachment pdf) throws IOException {
        List<Integer> drawn = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    position.getUnicode().codePoints().forEach(drawn::add);
                }
            };
            stripper.getText(document);
        }
        return drawn;
    }

    static List<String> fontNames(Attachment pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    names.add(font.getName());
                }
            }
        }
        return names;
    }
}
