package org.consilium.intake.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** One problem with a submitted resource: where it is (a FHIRPath expression) and what is wrong. */
public record FhirIssue(IssueSeverity severity, IssueType code, String location, String message) {

    public static FhirIssue error(IssueType code, String location, String message) {
        return new FhirIssue(IssueSeverity.ERROR, code, location, message);
    }

    public static FhirIssue required(String location, String message) {
        return error(IssueType.REQUIRED, location, message);
    }

    public static FhirIssue invalid(String location, String message) {
        return error(IssueType.INVALID, location, message);
    }

    public boolean isError() {
        return severity == IssueSeverity.ERROR || severity == IssueSeverity.FATAL;
    }
}
