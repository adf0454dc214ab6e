package org.consilium.mdt.review;

import java.time.Instant;

/** One panel member's individual opinion, recorded before the meeting. */
public record Opinion(String specialistId, String discipline, String recommendation, boolean agreesWithFirstOpinion,
                      Confidence confidence, String informationMissing, Instant submittedAt) {
}
