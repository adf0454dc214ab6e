package org.consilium.mdt.guest;

import org.consilium.mdt.directory.Specialist;

import java.time.Instant;
import java.util.List;

/**
 * A specialist from outside the directory (a colleague at a partner hospital, licensed in the patient's country)
 * whom a coordinator invited to sit on one case's panel, in a discipline no directory specialist could fill. They
 * have no account: they act through their signed {@link GuestLink}. Kept on the case's panel gap, then on its review
 * (never in the directory, never in process variables); {@code name} and {@code email} are sealed at rest
 * ({@link SealedGuests}).
 *
 * @param id         {@value #ID_PREFIX} and a random part: their seat's specialist id on this case's panel
 * @param licensedIn ISO 3166 alpha-2 countries, as the coordinator checked them; includes the patient's
 * @param invitedBy  the coordinator's user name, from the token (never a body field)
 * @param reason     why, in the coordinator's words
 */
public record Guest(String id, String name, String email, String discipline, String institution,
                    List<String> licensedIn, String timeZone, List<String> languages, String reason, String invitedBy,
                    Instant invitedAt, GuestLink link) {
    public static final String ID_PREFIX = "guest-";

    public Guest {
        licensedIn = licensedIn == null ? List.of() : List.copyOf(licensedIn);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Whether a panel seat's specialist id is a guest's (directory ids never start with the prefix). */
    public static boolean isGuestId(String specialistId) {
        return specialistId != null && specialistId.startsWith(ID_PREFIX);
    }

    /**
     * The guest as a candidate for the panel composer, so that every rule of a seat holds for them as for anyone
     * (licensure, conflict of interest with the treating institution: their institution is their affiliation). They
     * give no live availability (they write their opinion) and take this one case.
     */
    public Specialist asCandidate() {
        return new Specialist(id, name, discipline, List.of(), languages, timeZone, licensedIn, List.of(institution),
                List.of(), 1, email);
    }

    public Guest withLink(GuestLink replaced) {
        return new Guest(id, name, email, discipline, institution, licensedIn, timeZone, languages, reason, invitedBy,
                invitedAt, replaced);
    }

    /** Why they sit on the panel, as the panel and the report say it. */
    public String seatReason(String country) {
        return "guest specialist from outside the directory (" + institution + "), invited for this case by "
                + invitedBy + ": " + reason + (country == null ? "" : "; licensed in " + country)
                + "; gives the opinion in writing through a signed link";
    }
}
