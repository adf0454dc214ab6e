package org.consilium.support.access;

import org.consilium.events.CaseParty;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Roles;
import org.consilium.support.security.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-case rule as a table: who, with which consent and review state, may do what. */
class CaseAudienceTest {
    static final List<CaseParty> PARTIES = List.of(new CaseParty(Roles.PATIENT, "siti@example.org"),
            new CaseParty(Roles.CAREGIVER, "ayu@example.org"), new CaseParty(Roles.REFERRER, "dr.hartono@example.org"));

    @ParameterizedTest(name = "{0} {1} ({2}) doctor-consent={3} review-open={4} {5} -> {6}")
    @CsvSource({
            // staff and services: every case, whatever its state
            "cora, cora@consilium.example, coordinator, false, false, VIEW, true",
            "records, , service, false, false, READ_REPORT, true",
            // operators watch pipelines, not medical content
            "kim, kim@consilium.example, ops, true, true, VIEW, false",
            // the patient and the caregiver: their own case, whole; e-mail matched without case
            "siti, SITI@example.org, patient, false, false, READ_REPORT, true",
            "ayu, ayu@example.org, caregiver, false, false, CONTRIBUTE, true",
            "other, other@example.org, patient, true, true, VIEW, false",
            // the right e-mail with the wrong role is not enough
            "siti, siti@example.org, caregiver, false, false, VIEW, false",
            // the referrer: records only, and only while the patient allows contacting them
            "hartono, dr.hartono@example.org, referrer, true, false, VIEW, true",
            "hartono, dr.hartono@example.org, referrer, true, false, CONTRIBUTE, true",
            "hartono, dr.hartono@example.org, referrer, true, false, READ_REPORT, false",
            "hartono, dr.hartono@example.org, referrer, false, false, VIEW, false",
            // a specialist: on the panel, while the review is open, never adding records
            "dr-eleanor-hughes, e@example.org, specialist, false, true, VIEW, true",
            "dr-eleanor-hughes, e@example.org, specialist, false, true, READ_REPORT, true",
            "dr-eleanor-hughes, e@example.org, specialist, false, true, CONTRIBUTE, false",
            "dr-eleanor-hughes, e@example.org, specialist, false, false, VIEW, false",
            "dr-someone-else, s@example.org, specialist, false, true, VIEW, false"})
    void whoMayDoWhat(String username, String email, String role, boolean doctorConsent, boolean reviewOpen,
                      CaseAction action, boolean allowed) {
        Set<String> consents = doctorConsent ? Set.of(ConsentChanged.REVIEW, ConsentChanged.CONTACT_CURRENT_DOCTOR)
                : Set.of(ConsentChanged.REVIEW);
        CaseAudience audience = new CaseAudience("case-1", PARTIES, consents, Set.of("dr-eleanor-hughes"), reviewOpen);

        assertThat(audience.allows(new Caller(username, email, List.of(role)), action)).isEqualTo(allowed);
    }
}
