package org.consilium.mdt.submission;

import org.consilium.support.parking.NotApplicableYet;

/**
 * A ScheduleReview without its question came before the case's CaseSubmitted (two topics, no order
 * between them). The command is parked (ParkedMessages) until CaseSubmitted has been applied, rather than
 * scheduling a review with no question or holding the binding's thread on retries.
 */
public class CaseNotSubmittedYet extends NotApplicableYet {
    public CaseNotSubmittedYet(String caseId) {
        super("CaseSubmitted", "ScheduleReview for case " + caseId + " carries no question for the panel, and intake's "
                + "CaseSubmitted for the case has not reached mdt-scheduler (topic consilium.case.events, group "
                + "mdt-scheduler); the command is applied once it has");
    }
}
