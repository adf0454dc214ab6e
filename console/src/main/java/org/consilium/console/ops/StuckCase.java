package org.consilium.console.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * A case that has not moved past its stage's target, as ops sees it: no name, no question, only where it is, since
 * when, and whose move it is.
 *
 * @param overdueBy how long past the stage's target it is
 * @param waitsOn   whose move it is: the coordinators (naming their open tasks), the patient's side, the panel, a
 *                  service
 * @param incident  the engine's incident on the case, if one stops it
 */
public record StuckCase(String caseId, String stage, Instant since, Duration overdueBy, String waitsOn,
                        String incident) {
}
