package org.consilium.support.access;

import org.consilium.events.CaseParty;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Roles;
import org.consilium.support.security.Caller;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who may see one case, and the one rule every service applies to it (issue 6, ADR 10: a role
 * never implies every case). Coordinators and other services act on every case. The patient and
 * their caregiver see their own case whole. The referring or current doctor sees and adds records
 * only while the patient's consent to contact them lasts, and never reads the report (it is the
 * patient's to share). A specialist sees only cases on their panels and only while the review is
 * open. Operators watch pipelines, not medical content: no case access by role.
 *
 * @param parties    the case's patient, caregiver and referrer, by the e-mail address their token must carry
 * @param consents   the consent purposes in force ({@link ConsentChanged} codes)
 * @param panel      the directory ids (token {@code preferred_username}) of the specialists on its panels
 * @param reviewOpen whether the panel's review is still going on (a report not yet released)
 */
public record CaseAudience(String caseId, List<CaseParty> parties, Set<String> consents, Set<String> panel,
                           boolean reviewOpen) {

    public CaseAudience {
        parties = parties == null ? List.of() : List.copyOf(parties);
        consents = consents == null ? Set.of() : Set.copyOf(consents);
        panel = panel == null ? Set.of() : Set.copyOf(panel);
    }

    /** A case whose parties are known but not (or not yet) its panel. */
    public static CaseAudience of(String caseId, List<CaseParty> parties, Collection<String> consents) {
        return new CaseAudience(caseId, parties, Set.copyOf(consents), Set.of(), false);
    }

    public boolean allows(Caller caller, CaseAction action) {
        if (caller.has(Roles.COORDINATOR) || caller.has(Roles.SERVICE)) {
            return true;
        }
        if (isParty(caller, Roles.PATIENT) || isParty(caller, Roles.CAREGIVER)) {
            return true;
        }
        if (isParty(caller, Roles.REFERRER) && consents.contains(ConsentChanged.CONTACT_CURRENT_DOCTOR)) {
            return action != CaseAction.READ_REPORT;
        }
        if (caller.has(Roles.SPECIALIST) && reviewOpen && panel.contains(caller.username())) {
            return action != CaseAction.CONTRIBUTE;
        }
        return false;
    }

    private boolean isParty(Caller caller, String role) {
        return caller.has(role) && parties.stream().anyMatch(p -> p.role().equals(role) && caller.isPerson(p.email()));
    }
}
