package org.consilium.records.collection;

import java.time.Instant;

/**
 * A stored document: what the uploader declared, what was measured while it streamed in, and
 * where it is ({@code id} is the GridFS file id).
 */
public record RecordDocument(String id, String caseId, String item, String filename, String declaredContentType,
                             String detectedContentType, long size, String sha256, Instant uploadedAt) {
}
