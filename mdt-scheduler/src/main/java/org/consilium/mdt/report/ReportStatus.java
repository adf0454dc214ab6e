package org.consilium.mdt.report;

/** DRAFT until a coordinator approves the current version; RELEASED (final, no more edits) after approval. */
public enum ReportStatus {
    DRAFT, APPROVED, RELEASED
}
