package org.consilium.console.language;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The staff pages' words in one language ({@code i18n/staff*.properties}): what the templates say with
 * {@code #{key}}, and what Java code puts on a staff page (a clock's state, a flash message) through
 * {@link #say}. The patient's pages keep bundles and a MessageSource of their own ({@code patient.PatientWords}), so
 * neither set shadows the other's keys.
 */
public record StaffWords(MessageSource messages, Locale locale) {
    private static final MessageSource BUNDLES = bundles();

    /** English: what tests, logs and scripts read, and the words where no page language is known. */
    public static final StaffWords ENGLISH = in(StaffLanguage.EN);

    /** {@code i18n/staff*.properties}, UTF-8, English where a language lacks a key, never the JVM's own locale. */
    public static MessageSource bundles() {
        if (BUNDLES != null) {
            return BUNDLES;
        }
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource() {
            /** Numbers as the pages have always written them: "4000", "case 1001", not MessageFormat's "4,000". */
            @Override
            protected Object[] resolveArguments(Object[] args, Locale locale) {
                Object[] resolved = super.resolveArguments(args, locale).clone();
                for (int i = 0; i < resolved.length; i++) {
                    if (resolved[i] instanceof Number number) {
                        resolved[i] = String.valueOf(number);
                    }
                }
                return resolved;
            }
        };
        bundles.setBasenames("i18n/staff");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    public static StaffWords in(StaffLanguage language) {
        return new StaffWords(bundles(), language.locale());
    }

    public static StaffWords in(Locale locale) {
        return new StaffWords(bundles(), locale == null ? Locale.ENGLISH : locale);
    }

    /** Without arguments: its own method (named {@code say}: Thymeleaf refuses {@code t(} in restricted attributes). */
    public String say(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    public String say(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A key that may be missing (a code from a service): its words, else {@code otherwise} as given. */
    public String sayOr(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    /**
     * A task's name: the model's own in English (the BPMN is written in English, and stays the one source of it);
     * in another language {@code task.<taskDefinitionKey>}, else the model's name.
     */
    public String task(String taskKey, String name) {
        return taskKey == null || !translatesModels() ? name : sayOr("task." + taskKey, name);
    }

    /** What a task asks (its BPMN documentation): the model's own in English, else {@code taskdoc.<taskKey>}. */
    public String taskDoc(String taskKey, String documentation) {
        return taskKey == null || !translatesModels() ? documentation : sayOr("taskdoc." + taskKey, documentation);
    }

    /** The process models are written in English: only another language looks their words up. */
    private boolean translatesModels() {
        return !"en".equals(locale.getLanguage());
    }

    /** A cancer type code ({@code head-and-neck}) in words. */
    public String cancerType(String code) {
        return code == null ? "" : translatesModels() ? sayOr("cancer." + code, code.replace('-', ' ')) : code.replace('-', ' ');
    }

    /** An urgency code in words; none is "not triaged". */
    public String urgency(String code) {
        return code == null ? say("urgency.none") : sayOr("urgency." + code, code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT));
    }

    /** A case stage code in words. */
    public String stage(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        // as the pages have always said a stage code: "Collecting records", "MDT scheduled"
        String words = (code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ')).replace("Mdt ", "MDT ");
        return sayOr("stage." + code, words);
    }

    /** A code a service sends ({@code CONTACT_CURRENT_DOCTOR}) under {@code prefix}, else its words as the code has them. */
    public String code(String prefix, String code, String otherwise) {
        // English: the words the code has always made of it, so nothing an English reader (or test) knows changes
        return code == null || !translatesModels() ? otherwise : sayOr(prefix + code, otherwise);
    }

    /** The signed-in person's roles as the header names them: the role's code in English, its word in Chinese. */
    public String roles(java.util.List<String> roles) {
        return String.join(translatesModels() ? say("list.separator") : ", ",
                roles.stream().map(role -> code("role.", role, role)).toList());
    }

    /** Disciplines ({@code thoracic-surgery}) in words, joined. */
    public String disciplines(java.util.List<String> codes) {
        return String.join(chinese() ? "、" : ", ", codes.stream().map(this::discipline).toList());
    }

    public String discipline(String code) {
        return code == null ? "" : translatesModels() ? sayOr("discipline." + code, code.replace('-', ' ')) : code.replace('-', ' ');
    }

    /**
     * A task form field's label: {@code form.<taskKey>.<fieldId>}, else {@code form.<fieldId>}, else the model's
     * own label.
     */
    public String field(String taskKey, String fieldId, String label) {
        if (!translatesModels()) {
            return label;
        }
        return sayOr("form." + taskKey + "." + fieldId, sayOr("form." + fieldId, label));
    }

    /** A boolean field's answer: {@code form.<taskKey>.<fieldId>.true}, else {@code form.<fieldId>.true}, else the model's. */
    public String choice(String taskKey, String fieldId, boolean answer, String word) {
        if (!translatesModels()) {
            return word;
        }
        String suffix = "." + fieldId + "." + answer;
        return sayOr("form." + taskKey + suffix, sayOr("form" + suffix, word));
    }

    /** "3 d 4 h", "2 h 5 min", "45 min" (Chinese "3天4小时"); at least a minute. */
    public String duration(Duration duration) {
        Duration d = duration.abs();
        if (d.toDays() > 0) {
            return say("duration.days", d.toDays(), d.toHoursPart());
        }
        if (d.toHours() > 0) {
            return say("duration.hours", d.toHours(), d.toMinutesPart());
        }
        return say("duration.minutes", Math.max(1, d.toMinutes()));
    }

    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    /** The page's language tag, for {@code <html lang>}. */
    public String lang() {
        return locale.toLanguageTag();
    }
}
