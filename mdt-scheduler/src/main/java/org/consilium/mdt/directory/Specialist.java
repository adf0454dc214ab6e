package org.consilium.mdt.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * A clinician who can sit on panels.
 *
 * @param subspecialties tumour groups the specialist concentrates on (e.g. {@code thoracic}, {@code breast})
 * @param languages      ISO 639-1 codes the specialist can discuss a case in with the patient
 * @param timeZone       IANA zone, for showing sessions in the specialist's own time
 * @param licensedIn     ISO 3166 alpha-2 countries where the specialist may give an opinion on a patient
 * @param affiliations   institutions the specialist works for; a patient treated there is a conflict of interest
 * @param availability   when the specialist can join a live session, in their own zone
 * @param weeklyCapacity cases per week the specialist has agreed to review
 * @param email          where session invitations go
 */
@Document("specialists")
// the specialists of a discipline (SpecialistDirectory), for every panel composed
@CompoundIndex(name = "discipline", def = "{'discipline': 1}")
public record Specialist(@Id @NotBlank String id, @NotBlank String name, @NotBlank String discipline,
                         List<@NotBlank String> subspecialties, @NotEmpty List<String> languages,
                         @NotBlank String timeZone,
                         @NotEmpty List<@Pattern(regexp = "[A-Z]{2}") String> licensedIn,
                         List<@NotBlank String> affiliations, List<@Valid AvailabilityWindow> availability,
                         @Positive int weeklyCapacity, @Email String email) {

    public Specialist {
        subspecialties = subspecialties == null ? List.of() : List.copyOf(subspecialties);
        languages = languages == null ? List.of() : List.copyOf(languages);
        licensedIn = licensedIn == null ? List.of() : List.copyOf(licensedIn);
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        availability = availability == null ? List.of() : List.copyOf(availability);
    }

    /** Without an e-mail address: invitations cannot be sent to this specialist. */
    public Specialist(String id, String name, String discipline, List<String> subspecialties, List<String> languages,
                      String timeZone, List<String> licensedIn, List<String> affiliations,
                      List<AvailabilityWindow> availability, int weeklyCapacity) {
        this(id, name, discipline, subspecialties, languages, timeZone, licensedIn, affiliations, availability,
                weeklyCapacity, null);
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

    /** Whether the specialist may give an opinion on a patient in this country; unknown country: not checked. */
    public boolean licensedFor(String country) {
        return country == null || country.isBlank() || licensedIn.contains(country.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether the specialist works for the patient's treating institution (names compared loosely). */
    public boolean affiliatedWith(String institution) {
        if (institution == null || institution.isBlank()) {
            return false;
        }
        String wanted = normalised(institution);
        return affiliations.stream().map(Specialist::normalised).anyMatch(wanted::equals);
    }

    public boolean hasSubspecialty(String tumourGroup) {
        return tumourGroup != null && subspecialties.contains(tumourGroup);
    }

    /** Whether a session of this length starting then lies inside one of the specialist's windows. */
    public boolean availableAt(Instant start, java.time.Duration length) {
        ZonedDateTime local = start.atZone(ZoneId.of(timeZone));
        ZonedDateTime end = start.plus(length).atZone(ZoneId.of(timeZone));
        return availability.stream().anyMatch(w -> w.covers(local, end));
    }

    public static String normalised(String institution) {
        return institution.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String primary(String language) {
        return language.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }
}
