package org.consilium.mdt.report;

import java.time.Instant;

/**
 * One version of the report, never changed once written.
 *
 * @param number 1 for the consensus as the chair signed it, then 2, 3, ... per revision
 * @param editor who wrote this version (the chair's name for version 1)
 * @param reason why (version 1: the consensus)
 */
public record ReportVersion(int number, ReportSections sections, String editor, String reason, Instant at) {
}
