package org.consilium.console.caseview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Patients found by name without the read model holding one (ADR 18): each word of the name, as written and without
 * its accents, becomes a keyed hash (HMAC-SHA-256 under {@code consilium.console.name-search-key}, cut to 96 bits),
 * kept with the case; a search hashes its own words the same way and finds the cases that have them all. A name
 * written without spaces between its parts (Chinese, Japanese, Korean) also gives each of its characters, so a search
 * for one part finds it. Without the key, nobody can tell from the read model who a case is about, or test a guess;
 * without a key configured, searching by name is off and the search box finds case ids only.
 */
@Component
public class PatientNames {
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MOST_WORDS = 20;

    private final byte[] key;

    public PatientNames(@Value("${consilium.console.name-search-key:}") String key) {
        this.key = key == null || key.isBlank() ? null : key.strip().getBytes(StandardCharsets.UTF_8);
        if (this.key != null && this.key.length < 32) {
            throw new IllegalStateException("consilium.console.name-search-key (CONSOLE_NAME_SEARCH_KEY) must be at least "
                    + "32 characters of a secret: the hashes of patients' names are only as private as it");
        }
    }

    public boolean enabled() {
        return key != null;
    }

    /** The hashes of the text's words; none when searching by name is off or the text has no word. */
    public Set<String> tokens(String text) {
        if (key == null || text == null) {
            return Set.of();
        }
        return words(text).stream().map(this::hash).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The words a name is found by: lower case, accents dropped; each character too where words are not spaced. */
    static Set<String> words(String text) {
        // accents off (decomposed, marks dropped), then composed again: Hangul decomposes into letters that must join
        String plain = Normalizer.normalize(MARKS.matcher(Normalizer.normalize(Normalizer.normalize(text,
                Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll(""), Normalizer.Form.NFC);
        Set<String> words = new LinkedHashSet<>();
        for (String word : NOT_A_WORD.split(plain)) {
            if (word.isEmpty()) {
                continue;
            }
            words.add(word);
            if (word.codePoints().anyMatch(PatientNames::unspaced)) {
                word.codePoints().filter(PatientNames::unspaced).mapToObj(Character::toString).forEach(words::add);
            }
        }
        return words.stream().limit(MOST_WORDS).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean unspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private String hash(String word) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(word.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
