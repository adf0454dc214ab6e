package org.consilium.events;

/**
 * Command to notification-service: deliver the approved report to the patient. {@code timeZone} (IANA id, the
 * case's; added in v1, additively: older commands lack it and their dates read in UTC) is where the report's
 * dates are written for.
 * <p>
 * The engine names only the case and the released {@code reportVersion} (added in v1, additively): the people, the
 * question, the first opinion and the report itself stay with the services that own them (issue 11), and
 * notification-service fills them in from the case's {@link CaseSubmitted} and {@link ReportReleased}. Older
 * commands carry them here. {@code patientName} is whom the report is about when the reader is someone else (a
 * caregiver, the doctor); {@code copy} marks a reader other than the case's contact: a copy is delivered like the
 * report but is not the {@link ReportDelivered} the process waits for.
 */
public record DeliverReport(String caseId, Recipient recipient, String questionForPanel, String firstOpinion,
                            ReportContent report, String timeZone, Integer reportVersion, String patientName,
                            boolean copy) implements CaseMessage {

    public DeliverReport(String caseId, Recipient recipient, String questionForPanel, String firstOpinion,
                         ReportContent report, String timeZone) {
        this(caseId, recipient, questionForPanel, firstOpinion, report, timeZone, null, null, false);
    }

    /** Without a zone: the report's dates read in UTC. */
    public DeliverReport(String caseId, Recipient recipient, String questionForPanel, String firstOpinion,
                         ReportContent report) {
        this(caseId, recipient, questionForPanel, firstOpinion, report, null);
    }

    /** What the engine sends: the case, its released version and the case's zone; the rest is notification's to find. */
    public static DeliverReport of(String caseId, int reportVersion, String timeZone) {
        return new DeliverReport(caseId, null, null, null, null, timeZone, reportVersion, null, false);
    }

    /** Whether the people and the content are still to be filled in by notification-service. */
    public boolean addressed() {
        return recipient != null && report != null;
    }
}
