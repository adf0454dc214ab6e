package org.consilium.events;

/**
 * Command to notification-service: deliver the approved report to the patient. {@code timeZone} (IANA id, the
 * case's; added in v1, additively: older commands lack it and their dates read in UTC) is where the report's
 * dates are written for.
 */
public record DeliverReport(String caseId, Recipient recipient, String questionForPanel, String firstOpinion,
                            ReportContent report, String timeZone) implements CaseMessage {

    /** Without a zone: the report's dates read in UTC. */
    public DeliverReport(String caseId, Recipient recipient, String questionForPanel, String firstOpinion,
                         ReportContent report) {
        this(caseId, recipient, questionForPanel, firstOpinion, report, null);
    }
}
