package org.consilium.notification.casefile;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * One released version of a case's report (from mdt-scheduler's {@code ReportReleased}), kept for the
 * {@code DeliverReport} that names it: the engine holds no report content (issue 11). {@code content} is the
 * {@code ReportContent} as JSON, sealed at rest by {@code SealedCaseFacts}; {@code releasedAt} is null for versions
 * kept before it was. Written once per version: a version's
 * content never changes, so a redelivered event finds it and does nothing.
 */
@Document("releasedReports")
// a case's newest report (CaseFacts.latestReport)
@CompoundIndex(name = "case_version", def = "{'caseId': 1, 'version': -1}")
public record ReleasedReport(@Id String id, String caseId, int version, String content, Instant releasedAt) {

    static String id(String caseId, int version) {
        return caseId + ":v" + version;
    }
}
