package org.consilium.events;

/** Command to notification-service: deliver the approved report to the patient. */
public record DeliverReport(String caseId, Recipient recipient, String questionForPanel, String firstOpinion,
                            ReportContent report) implements CaseMessage {
}
