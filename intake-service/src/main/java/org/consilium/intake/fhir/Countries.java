package org.consilium.intake.fhir;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * {@code Patient.address.country} as hospitals write it, to the ISO 3166 alpha-2 code the case keeps.
 * FHIR R4 allows a name there ("ISO 3166 2 or 3 letter codes MAY be used in place of a human
 * readable country name"), and mCODE's own example says "United States". Known: every ISO 3166
 * country by alpha-2, alpha-3 and its English name as the JDK spells it, plus the everyday names
 * the JDK does not use (USA, UK, South Korea, Ivory Coast, ...); compared without case, accents,
 * punctuation or a leading "the".
 */
final class Countries {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("united states of america", "US"),
            Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
            Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
            Map.entry("northern ireland", "GB"),
            Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("south korea", "KR"), Map.entry("korea", "KR"), Map.entry("republic of korea", "KR"),
            Map.entry("korea republic of", "KR"), Map.entry("north korea", "KP"),
            Map.entry("russian federation", "RU"), Map.entry("iran islamic republic of", "IR"),
            Map.entry("viet nam", "VN"), Map.entry("czech republic", "CZ"), Map.entry("turkey", "TR"),
            Map.entry("turkiye", "TR"), Map.entry("holland", "NL"), Map.entry("uae", "AE"),
            Map.entry("emirates", "AE"), Map.entry("ivory coast", "CI"), Map.entry("cote divoire", "CI"),
            Map.entry("burma", "MM"), Map.entry("swaziland", "SZ"), Map.entry("macedonia", "MK"),
            Map.entry("democratic republic of the congo", "CD"), Map.entry("dr congo", "CD"), Map.entry("drc", "CD"),
            Map.entry("republic of the congo", "CG"), Map.entry("hong kong", "HK"), Map.entry("macau", "MO"),
            Map.entry("macao", "MO"), Map.entry("palestine", "PS"), Map.entry("vatican", "VA"),
            Map.entry("holy see", "VA"), Map.entry("east timor", "TL"), Map.entry("timor leste", "TL"),
            Map.entry("cape verde", "CV"), Map.entry("brunei darussalam", "BN"), Map.entry("prc", "CN"),
            Map.entry("peoples republic of china", "CN"));
    private static final Map<String, String> KNOWN = known();

    private Countries() {
    }

    /** The alpha-2 code of the country written, if it is one this service knows. */
    static Optional<String> alpha2(String written) {
        return written == null ? Optional.empty() : Optional.ofNullable(KNOWN.get(key(written)));
    }

    private static Map<String, String> known() {
        Map<String, String> known = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            known.put(key(code), code);
            known.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            try {
                known.put(key(country.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // a country without an alpha-3 code in this JDK: known by its other names
            }
        }
        ALIASES.forEach((alias, code) -> known.put(key(alias), code));
        return Map.copyOf(known);
    }

    private static String key(String written) {
        String plain = Normalizer.normalize(written, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[.'’]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return plain.startsWith("the ") ? plain.substring(4) : plain;
    }
}
