package org.consilium.console.ask;

import java.text.Collator;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answers the form offers to choose from, in intake's codes (the words for each are in the patient bundles:
 * {@code ask.sex.FEMALE}, {@code cancer.lung}, ...), and the countries, languages and time zones named in the page's
 * language by the JDK's own data. A posted value that is none of these is refused next to its field, never sent.
 */
public final class AskChoices {
    public static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER", "UNDISCLOSED");
    public static final List<String> CANCER_TYPES = List.of("lung", "breast", "colorectal", "gastric", "oesophageal",
            "liver", "pancreatic", "prostate", "lymphoma", "head-and-neck", "other");
    public static final List<String> DECISIONS = List.of("MAJOR_SURGERY", "ORGAN_REMOVAL",
            "CHEMOTHERAPY_WITH_SIGNIFICANT_SIDE_EFFECTS", "RADIATION_NEAR_SENSITIVE_ORGANS", "FERTILITY_OR_SEXUAL_FUNCTION",
            "LIFELONG_FUNCTIONAL_CHANGE", "TRANSPLANTATION", "CAR_T_CELLULAR_THERAPY", "CLINICAL_TRIAL_ENROLLMENT",
            "STOPPING_ACTIVE_TREATMENT");
    public static final List<String> GOALS = List.of("CURE", "REDUCE_RECURRENCE_RISK", "SHRINK_BEFORE_SURGERY",
            "LONG_TERM_CONTROL", "SYMPTOM_RELIEF", "DELAY_PROGRESSION", "QUALITY_OF_LIFE", "UNKNOWN");
    public static final List<String> MISSING = List.of("PATHOLOGY_REVIEW", "MOLECULAR_TESTING", "IMAGING_INTERPRETATION",
            "STAGING_CONFIRMATION", "SURGICAL_ASSESSMENT", "RESPONSE_HISTORY", "TRIAL_ELIGIBILITY");
    /** The languages a patient most often names here; each shown in its own script. */
    public static final List<String> LANGUAGES = List.of("en", "zh-Hans", "ar", "id", "ms", "hi", "bn", "ur", "th", "vi",
            "ja", "ko", "ru", "es", "fr", "pt", "de", "tr", "fa", "sw");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted().toList();

    /** Which fields take which codes (the others are free text, dates or numbers). */
    static final Map<String, List<String>> CODED = Map.of("patient.sex", SEXES, "diagnosis.cancerType", CANCER_TYPES,
            "decisionsAtStake", DECISIONS, "treatmentGoal", GOALS, "whatSeemsMissing", MISSING,
            "patient.languages", LANGUAGES);

    private AskChoices() {
    }

    static boolean allowed(String field, String value) {
        return switch (field) {
            case "patient.country" -> COUNTRIES.contains(value);
            case "patient.timeZone" -> ZONES.contains(value);
            default -> !CODED.containsKey(field) || CODED.get(field).contains(value);
        };
    }

    /**
     * A code and its words, as an option; {@code also} its name in the page's language where the words are in another
     * (a language's own name), shown beside it each in its own direction.
     */
    public record Option(String code, String words, String also) {
        public Option(String code, String words) {
            this(code, words, "");
        }
    }

    /** Every country, by its name in the page's language, in that language's order. */
    public static List<Option> countries(Locale language) {
        Collator order = Collator.getInstance(language);
        return COUNTRIES.stream().map(code -> new Option(code, new Locale("", code).getDisplayCountry(language)))
                .sorted(Comparator.comparing(Option::words, order)).toList();
    }

    /**
     * Each language in its own words and, where that differs, in the page's ({@code हिन्दी · Hindi}): the patient finds
     * their own script, and a caregiver reading another language can still tell which it is.
     */
    public static List<Option> languages(Locale page) {
        return LANGUAGES.stream().map(tag -> {
            Locale locale = Locale.forLanguageTag(tag);
            String own = "zh-Hans".equals(tag) ? "简体中文" : capitalised(locale.getDisplayLanguage(locale), locale);
            String inPage = capitalised("zh-Hans".equals(tag) ? locale.getDisplayName(page) : locale.getDisplayLanguage(page),
                    page);
            return new Option(tag, own, own.equals(inPage) || page.getLanguage().equals(locale.getLanguage()) ? "" : inPage);
        }).toList();
    }

    private static String capitalised(String name, Locale in) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(in) + name.substring(1);
    }

    /** Time zones as their cities ({@code Asia/Shanghai} → "Asia / Shanghai"). */
    public static List<Option> zones() {
        return ZONES.stream().map(zone -> new Option(zone, zone.replace('_', ' ').replace("/", " / "))).toList();
    }
}
