package org.consilium.events;

import java.time.Instant;

/**
 * A coordinator released a version of the report after QA (mdt-scheduler's report desk): this
 * content, not the consensus as first concluded, is what the patient receives.
 */
public record ReportReleased(String caseId, int version, @Required ReportContent report, String releasedBy, @Required Instant releasedAt)
        implements CaseMessage {
}
