package org.consilium.mdt.review;

import org.consilium.mdt.directory.Specialist;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.guest.GuestInvitationRequest;
import org.consilium.mdt.panel.Panel;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;

import java.util.Locale;

/**
 * Whether a guest may be invited to a case waiting for a panel. A guest fills a gap and nothing else: only a
 * discipline the case asked for and no directory specialist can fill, only someone licensed in the patient's
 * country (a guest is not a way round licensure: that is the widening, with the patient's consent), never someone
 * from the patient's treating institution, and each person and each discipline once. Each refusal's detail starts
 * with the field it is about.
 */
final class GuestCheck {
    private GuestCheck() {
    }

    static void admissible(PanelGap gap, GuestInvitationRequest request) {
        String caseId = gap.caseId();
        String discipline = request.discipline();
        if (!gap.brief().disciplines().contains(discipline)) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "discipline-not-requested", "discipline: case "
                    + caseId + " asked for no " + discipline + " (it asked for "
                    + String.join(", ", gap.brief().disciplines()) + ")");
        }
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        for (Guest guest : gap.guests()) {
            if (guest.email().strip().toLowerCase(Locale.ROOT).equals(email)) {
                throw DomainProblem.conflict("guest-already-invited", "email: this guest was already invited to case "
                        + caseId + " (as " + guest.discipline() + ", " + guest.id() + ")");
            }
            if (guest.discipline().equals(discipline)) {
                throw DomainProblem.conflict("guest-already-invited", "discipline: a guest " + discipline + " ("
                        + guest.id() + ") was already invited to case " + caseId);
            }
        }
        if (gap.uncovered().stream().map(Panel.Uncovered::discipline).noneMatch(discipline::equals)) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "discipline-not-missing", "discipline: case "
                    + caseId + " has an eligible directory " + discipline + "; a guest fills only a discipline no "
                    + "directory specialist can (missing: " + String.join(", ", gap.uncovered().stream()
                    .map(Panel.Uncovered::discipline).toList()) + ")");
        }
        String country = gap.brief().country();
        if (country != null && !country.isBlank() && request.licensedIn().stream()
                .noneMatch(c -> c != null && c.strip().equalsIgnoreCase(country.strip()))) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "guest-not-licensed", "licensedIn: the guest is "
                    + "licensed in " + String.join(", ", request.licensedIn()) + ", not in " + country + ", the patient's "
                    + "country; a specialist licensed elsewhere reviews only with licensure widened for the case (POST "
                    + "/reviews/" + caseId + "/schedule with crossBorderDisciplines, and the patient's consent)");
        }
        String treating = gap.brief().treatingInstitution();
        if (treating != null && !treating.isBlank()
                && Specialist.normalised(treating).equals(Specialist.normalised(request.institution()))) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "conflict-of-interest", "institution: the guest "
                    + "works for " + request.institution() + ", the patient's treating institution; a second opinion "
                    + "comes from outside it");
        }
    }
}
