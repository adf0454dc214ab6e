package org.consilium.mdt.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A clinician who can sit on panels.
 *
 * @param languages      ISO 639-1 codes the specialist can discuss a case in with the patient
 * @param timeZone       IANA zone, for showing sessions in the specialist's own time
 * @param weeklyCapacity cases per week the specialist has agreed to review
 */
@Document("specialists")
public record Specialist(@Id @NotBlank String id, @NotBlank String name, @NotBlank String discipline,
                         @NotEmpty List<String> languages, @NotBlank String timeZone, @Positive int weeklyCapacity) {

    public Specialist {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The patient's languages this specialist speaks; "en-GB" matches "en". */
    public List<String> sharedLanguages(Collection<String> patientLanguages) {
        List<String> own = languages.stream().map(Specialist::primary).toList();
        return patientLanguages.stream().map(Specialist::primary).distinct().filter(own::contains).toList();
    }

    /** Position in the patient's (preference-ordered) list of the first language this specialist speaks. */
    public OptionalInt languageRank(List<String> patientLanguages) {
        List<String> own = languages.stream().map(Specialist::primary).toList();
        for (int i = 0; i < patientLanguages.size(); i++) {
            if (own.contains(primary(patientLanguages.get(i)))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static String primary(String language) {
        return language.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }
}
