package org.consilium.mdt.submission;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CrossBorderConsentTest {
    static final Instant SUBMITTED = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void unknownUntilIntakeReportsItThenTheNewestDecisionIsInForce() {
        CrossBorderConsent unknown = CrossBorderConsent.unknown("c1");
        assertThat(unknown.given()).isFalse();
        assertThat(unknown.describe()).contains("no record of the patient's consent");

        CrossBorderConsent atIntake = unknown.decided(true, SUBMITTED, "e1");
        assertThat(atIntake.given()).isTrue();
        CrossBorderConsent withdrawn = atIntake.decided(false, SUBMITTED.plusSeconds(3600), "e2");
        assertThat(withdrawn.given()).isFalse();
        assertThat(withdrawn.describe()).contains("did not consent").contains("2026-12-01T09:00:00Z");
        assertThat(withdrawn.hasApplied("e1")).isTrue();
        assertThat(withdrawn.hasApplied("e2")).isTrue();
    }

    @Test
    void anOlderDecisionArrivingLateDoesNotUndoANewerOne() {
        CrossBorderConsent withdrawn = CrossBorderConsent.unknown("c1").decided(false, SUBMITTED.plusSeconds(60), "e2");
        CrossBorderConsent late = withdrawn.decided(true, SUBMITTED, "e1");
        assertThat(late.given()).isFalse();
        assertThat(late.decidedAt()).isEqualTo(SUBMITTED.plusSeconds(60));
        assertThat(late.hasApplied("e1")).isTrue(); // remembered, so a redelivery is skipped
    }
}
