package org.consilium.console.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.consilium.console.caseview.CaseStage;
import org.junit.jupiter.api.Test;

/**
 * The staff bundles: every English key has its Chinese and the other way round; every {@code #{key}} a staff template
 * says is in them; every message with arguments is a MessageFormat that formats; the codes the templates look up by
 * prefix ({@code stage.}, {@code urgency.}, {@code cancer.}) are all there. The patient's pages are not staff pages:
 * their words are {@code i18n/patient*} and {@code i18n/uploads*} (patient.PatientWords).
 */
class StaffBundlesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** The patient's and the treating doctor's pages: words of their own. */
    private static final Pattern NOT_STAFF = Pattern.compile("(my|my-.*|link-.*|fragments/(patient.*|ask|uploads))\\.html");
    /** {@code #{key}} or {@code #{key(args)}}; a key made by an expression ({@code #{${...}}}) is checked by prefix below. */
    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");
    /** {@code #messages.msg('key'...)} in an expression. */
    private static final Pattern MESSAGES_CALL = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9_.-]+)'");

    @Test
    void everyEnglishKeyHasItsChineseAndEveryChineseKeyItsEnglish() throws IOException {
        Properties english = bundle("i18n/staff.properties");
        Properties chinese = bundle("i18n/staff_zh.properties");
        assertThat(english).isNotEmpty();
        assertThat(new TreeSet<>(chinese.stringPropertyNames())).as("keys in staff_zh.properties")
                .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
        for (String key : chinese.stringPropertyNames()) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void theChineseIsChinese() throws IOException {
        Properties chinese = bundle("i18n/staff_zh.properties");
        // all but a few (the brand, codes written the same in both, punctuation) have Han characters
        List<String> notChinese = chinese.stringPropertyNames().stream()
                .filter(key -> chinese.getProperty(key).codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .sorted().toList();
        assertThat(notChinese).hasSizeLessThan(20);
    }

    @Test
    void everyKeyAStaffTemplateSaysIsInTheBundle() throws IOException {
        Properties english = bundle("i18n/staff.properties");
        List<String> missing = new ArrayList<>();
        List<Path> templates = staffTemplates();
        assertThat(templates).extracting(path -> TEMPLATES.relativize(path).toString().replace('\\', '/'))
                .contains("worklist.html", "case.html", "room.html", "room-case.html", "ops-pipeline.html",
                        "fragments/layout.html", "fragments/records.html", "error.html", "signed-out.html")
                .doesNotContain("my.html", "my-case.html", "link-upload.html", "fragments/patient.html");
        int said = 0;
        for (Path template : templates) {
            String html = Files.readString(template, StandardCharsets.UTF_8);
            for (Pattern pattern : List.of(MESSAGE, MESSAGES_CALL)) {
                Matcher found = pattern.matcher(html);
                while (found.find()) {
                    said++;
                    if (!english.containsKey(found.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + found.group(1));
                    }
                }
            }
        }
        assertThat(said).as("keys said by the staff templates").isGreaterThan(300);
        assertThat(missing).isEmpty();
    }

    @Test
    void theKeysTheTemplatesMakeFromCodesAreAllThere() throws IOException {
        Properties english = bundle("i18n/staff.properties");
        Set<String> needed = new TreeSet<>();
        CaseStage.IN_ORDER.forEach(stage -> needed.add("stage." + stage));
        Stream.of("URGENT", "EXPEDITED", "ROUTINE").forEach(urgency -> needed.add("urgency." + urgency));
        // the worklist's tumour filter
        Stream.of("lung", "breast", "colorectal", "gastric", "oesophageal", "liver", "pancreatic", "prostate", "lymphoma",
                "head-and-neck").forEach(type -> needed.add("cancer." + type));
        Stream.of("LOW", "MEDIUM", "HIGH").forEach(level -> needed.add("confidence." + level));
        Stream.of("P1D", "P3D", "P7D", "P14D", "P30D").forEach(days -> needed.add("links.expiry." + days));
        Stream.of("pipeline", "deadLetters", "incidents", "stuck").forEach(page -> needed.add("ops.nav." + page));
        assertThat(english.stringPropertyNames()).containsAll(needed);
        // the staff templates' English stage words are the ones the code has always said
        CaseStage.IN_ORDER.forEach(stage -> assertThat(english.getProperty("stage." + stage)).isEqualTo(CaseStage.label(stage)));
    }

    @Test
    void everyMessageWithArgumentsFormatsAndKeepsItsApostrophes() throws IOException {
        for (String name : List.of("i18n/staff.properties", "i18n/staff_zh.properties")) {
            Properties words = bundle(name);
            for (String key : words.stringPropertyNames()) {
                String message = words.getProperty(key);
                if (!message.matches("(?s).*\\{\\d.*")) {
                    continue;
                }
                String formatted = new MessageFormat(message, Locale.ENGLISH).format(new Object[]{"A", "B", "C", "D", "E"});
                assertThat(formatted).as(name + " " + key).contains("A").doesNotContain("{0}");
                // a lone apostrophe would swallow the text after it: each must be doubled
                assertThat(message.replace("''", "")).as(name + " " + key + ": an apostrophe in a MessageFormat is ''")
                        .doesNotContain("'");
            }
        }
    }

    private static List<Path> staffTemplates() throws IOException {
        try (Stream<Path> all = Files.walk(TEMPLATES)) {
            return all.filter(path -> path.toString().endsWith(".html"))
                    .filter(path -> !NOT_STAFF.matcher(TEMPLATES.relativize(path).toString().replace('\\', '/')).matches())
                    .sorted().toList();
        }
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = StaffBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
