package org.consilium.mdt.guest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.consilium.events.text.FieldProblem;
import org.consilium.mdt.directory.Disciplines;
import org.consilium.support.input.InvalidInput;
import org.consilium.support.input.SingleLine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A coordinator's invitation of a guest specialist to one case's panel: who, in which discipline, licensed where,
 * and why. Who invited is the token's user, never a body field.
 */
@Schema(name = "GuestInvitation")
public record GuestInvitationRequest(
        @Schema(example = "Dr Ana Souza") @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(example = "ana.souza@hospital-parceiro.example") @NotBlank @SingleLine @Email @Size(max = 254) String email,
        @Schema(description = "a discipline code the case asked for and no directory specialist can fill",
                example = "pathologist") @NotBlank @SingleLine String discipline,
        @Schema(example = "Hospital Parceiro, São Paulo") @NotBlank @SingleLine @Size(max = 200) String institution,
        @Schema(description = "ISO 3166 alpha-2 countries where the guest may give an opinion; must include the "
                + "patient's", example = "[\"BR\"]") @NotEmpty @Size(max = 50) List<String> licensedIn,
        @Schema(description = "IANA zone", example = "America/Sao_Paulo") @NotBlank @SingleLine String timeZone,
        @Schema(description = "ISO 639-1 codes", example = "[\"pt\", \"en\"]") @Size(max = 10) List<String> languages,
        @Schema(description = "why this guest, in the coordinator's words") @NotBlank @Size(max = 2000) String reason,
        @Schema(description = "the link's life, ISO-8601 duration; default P21D, at most P60D", example = "P21D")
        Duration expiresIn) {

    /**
     * Every field bean validation cannot judge, listed at once (400 {@code validation}): a discipline code the
     * directory does not know, a zone that is not an IANA zone, country and language codes of the wrong shape.
     */
    public GuestInvitationRequest checked() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Disciplines.CODES.contains(discipline)) {
            problems.add(new FieldProblem("discipline", "is not a discipline code (" + String.join(", ", Disciplines.CODES)
                    + ")"));
        }
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("timeZone", "is not an IANA time zone (e.g. America/Sao_Paulo)"));
        }
        for (int i = 0; i < licensedIn.size(); i++) {
            if (licensedIn.get(i) == null || !licensedIn.get(i).strip().toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
                problems.add(new FieldProblem("licensedIn[" + i + "]", "is not an ISO 3166 alpha-2 country code"));
            }
        }
        List<String> spoken = languages == null ? List.of() : languages;
        for (int i = 0; i < spoken.size(); i++) {
            if (spoken.get(i) == null || !spoken.get(i).strip().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
                problems.add(new FieldProblem("languages[" + i + "]", "is not a language code (ISO 639-1, e.g. pt)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return this;
    }

    /** The guest this invites, with their first link. */
    public Guest guest(String id, String invitedBy, Instant now, GuestLink link) {
        return new Guest(id, name.strip(), email.strip(), discipline, institution.strip(),
                licensedIn.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList(), timeZone.strip(),
                languages == null ? List.of() : languages.stream().map(String::strip).distinct().toList(),
                reason.strip(), invitedBy, now, link);
    }
}
