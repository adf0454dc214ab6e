package org.consilium.intake.fhir;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validator's messages as issues of the OperationOutcome, each where it is in the submitted
 * Bundle. The validator places its checks of an entry's {@code fullUrl} at {@code Bundle.entry[0]}
 * whichever entry is wrong, so two bad fullUrls would both point at the first entry; those are
 * placed here by the fullUrl the message quotes.
 */
final class ValidatorIssues {
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private ValidatorIssues() {
    }

    static List<FhirIssue> of(List<SingleValidationMessage> messages, JsonNode bundle) {
        List<String> fullUrls = new ArrayList<>();
        bundle.path("entry").forEach(e -> fullUrls.add(e.path("fullUrl").isTextual() ? e.path("fullUrl").asText() : null));
        Set<String> placed = new HashSet<>();
        List<FhirIssue> issues = new ArrayList<>();
        for (SingleValidationMessage m : messages) {
            String location = m.getLocationString() == null ? null : m.getLocationString().replace("/null*/", "*/");
            if (m.getMessageId() != null && m.getMessageId().startsWith("BUNDLE_ENTRY_URL")) {
                location = fullUrlOf(m, fullUrls, placed, location);
            }
            IssueSeverity severity = switch (m.getSeverity()) {
                case FATAL -> IssueSeverity.FATAL;
                case ERROR -> IssueSeverity.ERROR;
                default -> IssueSeverity.WARNING;
            };
            issues.add(new FhirIssue(severity, m.getSeverity() == ResultSeverityEnum.WARNING ? IssueType.INFORMATIONAL
                    : IssueType.INVALID, location, m.getMessage()));
        }
        return issues;
    }

    /** The entry whose fullUrl the message quotes; the next such entry when two share it. */
    private static String fullUrlOf(SingleValidationMessage message, List<String> fullUrls, Set<String> placed,
                                    String otherwise) {
        Matcher quoted = QUOTED.matcher(String.valueOf(message.getMessage()));
        while (quoted.find()) {
            for (int i = 0; i < fullUrls.size(); i++) {
                String key = message.getMessageId() + "#" + i;
                if (quoted.group(1).equals(fullUrls.get(i)) && placed.add(key)) {
                    return "Bundle.entry[" + i + "].fullUrl";
                }
            }
        }
        return otherwise;
    }
}
