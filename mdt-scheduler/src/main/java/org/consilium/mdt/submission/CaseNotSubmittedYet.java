package org.consilium.mdt.submission;

/**
 * A ScheduleReview without its question came before the case's CaseSubmitted (two topics, no order
 * between them). The review package parks such a command until CaseSubmitted comes, rather than
 * scheduling a review with no question.
 */
public class CaseNotSubmittedYet extends IllegalStateException {
    public CaseNotSubmittedYet(String caseId) {
        super("ScheduleReview for case " + caseId + " carries no question for the panel, and intake's CaseSubmitted "
                + "for the case has not reached mdt-scheduler (topic consilium.case.events, group mdt-scheduler); "
                + "the command is applied once it has");
    }
}
