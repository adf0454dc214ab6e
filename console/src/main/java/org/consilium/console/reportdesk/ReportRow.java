package org.consilium.console.reportdesk;

import java.util.Optional;

import org.consilium.console.cases.CaseHeader;

/** A report waiting for the coordinator's QA, with its case from intake (empty when intake did not answer). */
public record ReportRow(ReportState report, Optional<CaseHeader> caseHeader) {

    public String patientName() {
        return caseHeader.map(CaseHeader::patientName).filter(name -> !name.isBlank()).orElse(report.caseId());
    }
}
