package org.consilium.records.access;

import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelChanged;
import org.consilium.events.PanelMember;
import org.consilium.events.Roles;
import org.consilium.support.access.CaseAction;
import org.consilium.support.security.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection's rules: redelivery changes nothing, and an older event never overwrites a newer one. */
class CaseAccessProjectionTest {
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final Caller REFERRER = new Caller("dr", "dr@clinic.example.org", List.of(Roles.REFERRER));
    static final Caller SPECIALIST = new Caller("spec-1", "s@x", List.of(Roles.SPECIALIST));

    static CaseSubmitted submitted(String... consents) {
        return new CaseSubmitted("c-1", "breast", null, null, null, null, null, List.of(), null, null, T0, null,
                List.of(), List.of(consents), null, List.of(new CaseParty(Roles.PATIENT, "p@example.org"),
                new CaseParty(Roles.REFERRER, "dr@clinic.example.org")));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        CaseAccessProjection once = CaseAccessProjection.empty("c-1").submitted(submitted(ConsentChanged.REVIEW), T0);
        assertThat(once.submitted(submitted(ConsentChanged.REVIEW), T0)).isEqualTo(once);
        ConsentChanged granted = new ConsentChanged("c-1", ConsentChanged.CONTACT_CURRENT_DOCTOR, true, T0.plusSeconds(5));
        assertThat(once.consent(granted, T0).consent(granted, T0)).isEqualTo(once.consent(granted, T0));
    }

    @Test
    void theNewestConsentDecisionWinsWhateverTheOrder() {
        ConsentChanged granted = new ConsentChanged("c-1", ConsentChanged.CONTACT_CURRENT_DOCTOR, true, T0.plusSeconds(10));
        ConsentChanged withdrawn = new ConsentChanged("c-1", ConsentChanged.CONTACT_CURRENT_DOCTOR, false, T0.plusSeconds(20));
        CaseAccessProjection inOrder = CaseAccessProjection.empty("c-1").submitted(submitted(), T0)
                .consent(granted, T0).consent(withdrawn, T0);
        CaseAccessProjection late = CaseAccessProjection.empty("c-1").consent(withdrawn, T0).consent(granted, T0)
                .submitted(submitted(ConsentChanged.CONTACT_CURRENT_DOCTOR), T0);
        assertThat(inOrder.audience().allows(REFERRER, CaseAction.VIEW)).isFalse();
        assertThat(late.consents()).isEqualTo(inOrder.consents());
        assertThat(CaseAccessProjection.empty("c-1").submitted(submitted(), T0).consent(granted, T0)
                .audience().allows(REFERRER, CaseAction.CONTRIBUTE)).isTrue();
    }

    @Test
    void theNewestPanelStandsAndAReleaseClosesTheReview() {
        MdtScheduled first = new MdtScheduled("c-1", "s-1", T0, List.of(new PanelMember("spec-1", "A", "onc", "UTC", true)));
        PanelChanged swapped = new PanelChanged("c-1", "s-1", List.of(new PanelMember("spec-2", "B", "onc", "UTC", true)),
                T0.plusSeconds(60));
        CaseAccessProjection scheduled = CaseAccessProjection.empty("c-1").scheduled(first, T0);
        assertThat(scheduled.audience().allows(SPECIALIST, CaseAction.VIEW)).isTrue();
        assertThat(scheduled.audience().allows(SPECIALIST, CaseAction.CONTRIBUTE)).isFalse();
        CaseAccessProjection afterSwap = scheduled.swapped(swapped, T0.plusSeconds(61));
        assertThat(afterSwap.audience().allows(SPECIALIST, CaseAction.VIEW)).isFalse();
        assertThat(afterSwap.scheduled(first, T0)).isEqualTo(afterSwap); // the older schedule, redelivered late
        CaseAccessProjection released = scheduled.released(T0.plusSeconds(90));
        assertThat(released.audience().allows(SPECIALIST, CaseAction.VIEW)).isFalse();
        assertThat(released.released(T0.plusSeconds(200))).isEqualTo(released);
        assertThat(CaseAccessProjection.empty("c-1").released(T0).scheduled(first, T0.plusSeconds(5))
                .audience().reviewOpen()).isFalse();
    }
}
