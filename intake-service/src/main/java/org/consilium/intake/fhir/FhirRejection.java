package org.consilium.intake.fhir;

import org.springframework.http.HttpStatus;

import java.util.List;

/** FHIR input refused: rendered as an {@code OperationOutcome} listing every issue. */
public class FhirRejection extends RuntimeException {
    private final HttpStatus status;
    private final List<FhirIssue> issues;

    public FhirRejection(HttpStatus status, List<FhirIssue> issues) {
        super(issues.size() + " issue(s): " + String.join("; ", issues.stream()
                .map(i -> i.location() + ": " + i.message()).toList()));
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FhirIssue> issues() {
        return issues;
    }
}
