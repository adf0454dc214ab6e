package org.consilium.console.patient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.consilium.console.casepage.Checklist;

/**
 * "Where is my case", from what the services say of it: its stage (intake), who the case waits on, and the next date
 * a service names — the records' due date (records-service), the panel's meeting (mdt-scheduler), the end of the
 * follow-up window. No date is made up: where no service names one, the page says what happens next without one.
 *
 * @param stage     intake's stage, the key of its words
 * @param waitingOn whose move it is
 * @param nextKey   the words of what happens next, with {@code nextAt} when there is a date
 * @param missing   the required records still missing or too old: what the case waits for
 * @param wouldHelp the optional ones not sent: asked for, nothing waits for them
 */
public record CaseProgress(String stage, WaitingOn waitingOn, String nextKey, Instant nextAt, List<Checklist.Item> missing,
                           List<Checklist.Item> wouldHelp) {

    /** Whose move it is, in the page's words ({@code waiting.<name>}). */
    public enum WaitingOn { YOU, YOU_OR_YOUR_DOCTOR, PANEL, US, NOBODY }

    static CaseProgress of(PatientCase c, Optional<Checklist> records, Optional<PatientReview> review) {
        List<Checklist.Item> missing = records.map(r -> notSent(r, true)).orElse(List.of());
        List<Checklist.Item> wouldHelp = records.map(r -> notSent(r, false)).orElse(List.of());
        Instant meeting = review.map(PatientReview::sessionStartsAt).orElse(null);
        String stage = c.stage() == null ? "SUBMITTED" : c.stage();
        return switch (stage) {
            case "AWAITING_PATIENT" -> new CaseProgress(stage, WaitingOn.YOU, "next.AWAITING_PATIENT", null, missing, wouldHelp);
            case "SUBMITTED" -> new CaseProgress(stage, WaitingOn.US, "next.SUBMITTED", null, missing, wouldHelp);
            case "COLLECTING_RECORDS" -> new CaseProgress(stage, missing.isEmpty() ? WaitingOn.US : WaitingOn.YOU_OR_YOUR_DOCTOR,
                    records.map(Checklist::dueBy).isPresent() ? "next.COLLECTING_RECORDS.by" : "next.COLLECTING_RECORDS",
                    records.map(Checklist::dueBy).orElse(null), missing, wouldHelp);
            case "RECORDS_COMPLETE" -> new CaseProgress(stage, WaitingOn.US,
                    meeting == null ? "next.RECORDS_COMPLETE" : "next.MDT_SCHEDULED.at", meeting, missing, wouldHelp);
            case "MDT_SCHEDULED" -> new CaseProgress(stage, WaitingOn.PANEL,
                    meeting == null ? "next.MDT_SCHEDULED" : "next.MDT_SCHEDULED.at", meeting, missing, wouldHelp);
            case "MDT_CONCLUDED" -> new CaseProgress(stage, WaitingOn.US, "next.MDT_CONCLUDED", null, missing, wouldHelp);
            case "REPORT_DELIVERED" -> {
                Instant until = review.map(PatientReview::followUpUntil).orElse(null);
                yield new CaseProgress(stage, WaitingOn.NOBODY, until == null ? "next.REPORT_DELIVERED"
                        : "next.REPORT_DELIVERED.until", until, missing, wouldHelp);
            }
            default -> new CaseProgress(stage, WaitingOn.NOBODY, "next." + stage, null, List.of(), List.of());
        };
    }

    private static List<Checklist.Item> notSent(Checklist records, boolean required) {
        return records.items().stream().filter(item -> item.required() == required)
                .filter(item -> "MISSING".equals(item.status()) || "STALE".equals(item.status()))
                .toList();
    }

    /** The stages a case goes through, in order, for the page's steps; the final ones that end early are not steps. */
    public static final List<String> STEPS = List.of("SUBMITTED", "COLLECTING_RECORDS", "RECORDS_COMPLETE",
            "MDT_SCHEDULED", "MDT_CONCLUDED", "REPORT_DELIVERED");

    /** A meeting is at an hour; a due date or the end of a window is a day. */
    public boolean nextAtAnHour() {
        return nextKey.startsWith("next.MDT_SCHEDULED");
    }

    /** The steps, for the page's list. */
    public List<String> steps() {
        return STEPS;
    }

    /** done, current or ahead, for the step list. */
    public String step(String step) {
        int here = STEPS.indexOf(stage);
        int at = STEPS.indexOf(step);
        if (here < 0) {
            return "ahead";
        }
        return at < here ? "done" : at == here ? "current" : "ahead";
    }

    /** Still gathering records: what would help is worth asking for only until then. */
    public boolean collecting() {
        return List.of("AWAITING_PATIENT", "SUBMITTED", "COLLECTING_RECORDS").contains(stage);
    }

    public boolean ended() {
        return "DECLINED".equals(stage) || "WITHDRAWN".equals(stage);
    }
}
