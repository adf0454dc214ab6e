package org.consilium.mdt.submission;

/**
 * A ScheduleReview without its question came before the case's CaseSubmitted (two topics, no order
 * between them). Thrown rather than scheduling a review with no question: the binder retries the
 * command with back-off, and when CaseSubmitted never comes it is dead-lettered, which the process
 * turns into a coordinator task; this message is the reason that task shows.
 */
public class CaseNotSubmittedYet extends IllegalStateException {
    public CaseNotSubmittedYet(String caseId) {
        super("ScheduleReview for case " + caseId + " carries no question for the panel, and intake's CaseSubmitted "
                + "for the case has not reached mdt-scheduler (topic consilium.case.events, group mdt-scheduler); "
                + "once it has, replay this command");
    }
}
