package org.consilium.notification.report;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.consilium.events.DeliverReport;
import org.consilium.events.ReportComparison;
import org.consilium.events.ReportContent;
import org.consilium.notification.mail.Attachment;
import org.consilium.notification.mail.MailTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The report as PDF, in two renderings: plain language in the patient's language and a structured
 * clinician version in English. Thymeleaf writes XHTML ({@code report/plain.html},
 * {@code report/clinician.html}, XML mode), openhtmltopdf lays it out on PDFBox.
 *
 * <p>The plain rendering takes its words from {@code report/messages_<lang>.properties}: adding a
 * language is adding that file ({@code messages.properties} is English and the fallback for any
 * missing key). Chinese glyphs come from the Droid Sans Fallback TrueType font shipped in
 * {@code fonts/}, all other text (Arabic included) from DejaVu Sans; both are embedded as subsets.
 * Right-to-left languages get {@code dir="rtl"}; ICU splits and reorders mixed-direction text and
 * joins Arabic letters into their contextual forms, which PDF text does not do by itself.
 */
@Component
public class ReportPdfs {
    private static final Logger log = LoggerFactory.getLogger(ReportPdfs.class);
    public static final String FALLBACK_LANGUAGE = "en";
    static final String CJK_FONT_FAMILY = "Droid Sans Fallback";
    static final String TEXT_FONT_FAMILY = "DejaVu Sans";
    private static final String LOCATION = "classpath:/report/";
    /** Traditional-Chinese readers are not given the Simplified text: English until a zh-hant file exists. */
    private static final Pattern TRADITIONAL_CHINESE = Pattern.compile("zh-(hant|tw|hk|mo)(-.*)?");
    /** Languages written right to left (Arabic and Hebrew scripts); only Arabic has a bundle today. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "ur", "ps", "ckb", "he", "yi");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ApplicationContext resources;
    private final byte[] cjkFont;
    private final byte[] textFont;
    private final byte[] textFontBold;
    private final Map<String, String> chosenLanguages = new ConcurrentHashMap<>();

    public ReportPdfs(ApplicationContext resources) {
        this.resources = resources;
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(resources);
        resolver.setPrefix(LOCATION);
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setResolvablePatterns(Set.of("*.html"));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setResourceLoader(resources);
        messages.setBasename(LOCATION + "messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(messages);
        this.cjkFont = read("classpath:/fonts/DroidSansFallbackFull.ttf");
        this.textFont = read("classpath:/fonts/DejaVuSans.ttf");
        this.textFontBold = read("classpath:/fonts/DejaVuSans-Bold.ttf");
    }

    /** The language the plain rendering is written in: the requested one, its base language, else English. */
    public String languageFor(String requestedLanguage) {
        String key = String.valueOf(requestedLanguage);
        return chosenLanguages.computeIfAbsent(key, k -> MailTemplates.candidates(requestedLanguage, FALLBACK_LANGUAGE)
                .stream()
                .filter(language -> language.equals(FALLBACK_LANGUAGE) || available(language, requestedLanguage))
                .findFirst().orElse(FALLBACK_LANGUAGE));
    }

    private boolean available(String language, String requested) {
        if (language.equals("zh") && requested != null
                && TRADITIONAL_CHINESE.matcher(requested.strip().replace('_', '-').toLowerCase(Locale.ROOT)).matches()) {
            return false;
        }
        return resources.getResource(LOCATION + "messages_" + language.replace('-', '_') + ".properties").exists();
    }

    /** The plain-language report for the patient, {@code consilium-report-<caseId>-<lang>.pdf}. */
    public Attachment plain(DeliverReport report, Instant issuedAt) {
        String requested = report.recipient() == null ? null : report.recipient().language();
        String language = languageFor(requested);
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> variables = variables(report, issuedAt, locale, language);
        variables.put("fallbackFrom", fallbackFrom(requested, language));
        byte[] pdf = pdf(render("plain.html", locale, variables));
        return new Attachment(fileName(report.caseId(), language), "application/pdf", pdf);
    }

    /** The structured clinician report (English), {@code consilium-report-<caseId>-clinician.pdf}. */
    public Attachment clinician(DeliverReport report, Instant issuedAt) {
        Locale locale = Locale.ENGLISH;
        byte[] pdf = pdf(render("clinician.html", locale, variables(report, issuedAt, locale, FALLBACK_LANGUAGE)));
        return new Attachment(fileName(report.caseId(), "clinician"), "application/pdf", pdf);
    }

    /**
     * The language the reader asked for, named in English, when the report stands in for it in English (so the
     * page can say why); null when English was asked for or the request names no language.
     */
    private static String fallbackFrom(String requested, String chosen) {
        List<String> candidates = MailTemplates.candidates(requested, FALLBACK_LANGUAGE);
        Locale asked = Locale.forLanguageTag(candidates.get(0)); // the tag as asked, or the fallback if none was usable
        if (!chosen.equals(FALLBACK_LANGUAGE) || asked.getLanguage().equals(FALLBACK_LANGUAGE)
                || asked.getDisplayName(Locale.ENGLISH).isBlank()) {
            return null;
        }
        log.info("plain report in English for a reader of {}: there is no report/messages_{}.properties",
                candidates.get(0), asked.getLanguage());
        return asked.getDisplayName(Locale.ENGLISH);
    }

    public static String fileName(String caseId, String rendering) {
        return "consilium-report-" + Attachment.safe(caseId) + "-" + Attachment.safe(rendering) + ".pdf";
    }

    /** The XHTML handed to openhtmltopdf; visible for tests. */
    String render(String template, Locale locale, Map<String, Object> variables) {
        return engine.process(template, new Context(locale, variables));
    }

    private static Map<String, Object> variables(DeliverReport report, Instant issuedAt, Locale locale, String language) {
        ReportContent content = report.report();
        Map<String, Object> variables = new HashMap<>();
        variables.put("lang", language);
        variables.put("dir", RIGHT_TO_LEFT.contains(Locale.forLanguageTag(language).getLanguage()) ? "rtl" : "ltr");
        variables.put("caseId", report.caseId());
        // the report is about the patient, whoever reads it (a caregiver, her doctor): older commands name only the reader
        String patient = report.patientName() != null ? report.patientName()
                : report.recipient() == null ? null : report.recipient().name();
        variables.put("patientName", patient == null ? "" : patient);
        // the patient's date where the case names their zone (a report issued late evening in UTC is tomorrow in Jakarta)
        variables.put("issued", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(issuedAt.atZone(zone(report.timeZone()))));
        variables.put("issuedUtc", DateTimeFormatter.ISO_LOCAL_DATE.format(issuedAt.atZone(ZoneOffset.UTC)));
        variables.put("question", blankToNull(report.questionForPanel()));
        variables.put("firstOpinion", blankToNull(report.firstOpinion()));
        variables.put("confirms", content.confirmsFirstOpinion());
        variables.put("recommendation", blankToNull(content.recommendation()));
        variables.put("summary", blankToNull(content.plainLanguageSummary()));
        variables.put("differenceExplanation", blankToNull(content.differenceExplanation()));
        variables.put("dissent", content.dissent().stream().filter(d -> d != null && !d.isBlank()).toList());
        variables.put("signedBy", blankToNull(content.signedBy()));
        // the sections of a released report version; absent ones render as "not provided"
        ReportComparison comparison = content.comparison();
        variables.put("readDifferently", comparison == null ? null : readDifferently(comparison));
        variables.put("bothReasonable", comparison == null ? null : comparison.bothOptionsReasonable());
        variables.put("options", comparison == null ? List.of() : comparison.benefitsAndRisks());
        variables.put("jointDiscussion", comparison == null ? null : comparison.jointDiscussionHelpful());
        variables.put("concerns", content.concerns());
        variables.put("stillMissing", content.stillMissing().stream().filter(m -> m != null && !m.isBlank()).toList());
        variables.put("supportiveCare", content.supportiveCare().stream().filter(m -> m != null && !m.isBlank()).toList());
        variables.put("cjkFont", CJK_FONT_FAMILY);
        return variables;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    /** Pathology and imaging read differently, as one text (either may be absent). */
    private static String readDifferently(ReportComparison comparison) {
        String text = java.util.stream.Stream.of(comparison.pathologyReadDifferently(), comparison.imagingReadDifferently())
                .map(ReportPdfs::blankToNull).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Without these, Arabic is drawn as unjoined letters in left-to-right order: unreadable.
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.withHtmlContent(XmlText.legal(xhtml), null);
            // Embedded subsets only: DejaVu Sans for Latin/Greek/Cyrillic/Arabic text, Droid Sans Fallback for CJK glyphs
            // (the style sheet lists both; openhtmltopdf picks per character). Italic is synthesised.
            builder.useFont(() -> new ByteArrayInputStream(textFont), TEXT_FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(textFontBold), TEXT_FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(cjkFont), CJK_FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.withProducer("Consilium notification-service");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the report PDF", e);
        }
        return out.toByteArray();
    }

    private byte[] read(String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
