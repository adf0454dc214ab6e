package org.consilium.console.patient;

import java.time.Instant;
import java.util.List;

/**
 * One of the signed-in person's cases, as intake lists them ({@code GET /cases/mine}).
 *
 * @param actingAs {@code patient}, or {@code caregiver} for a case they act for
 */
public record MyCaseRow(String caseId, String stage, Instant stageSince, Instant submittedAt, String cancerType,
                        String patientName, List<String> patientLanguages, String patientTimeZone, String actingAs) {

    public MyCaseRow {
        patientLanguages = patientLanguages == null ? List.of() : List.copyOf(patientLanguages);
    }

    public boolean forSomeoneElse() {
        return "caregiver".equals(actingAs);
    }
}
