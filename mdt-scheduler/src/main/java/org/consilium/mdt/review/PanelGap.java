package org.consilium.mdt.review;

import org.consilium.events.CaseStepFailed;
import org.consilium.events.Envelope;
import org.consilium.events.ScheduleReview;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.panel.Panel;
import org.consilium.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A case no panel can be composed for (too few eligible specialists): kept instead of a review, with no
 * session booked and nobody told a meeting time; announced once as {@link CaseStepFailed}, so the
 * process gives a coordinator the task of widening the panel (the directory's licensure, or licensure for
 * this case: {@link LicensureWidening}) and re-planning, or withdrawing the case. Redelivered commands are remembered.
 *
 * @param brief  what ScheduleReview asked, to re-plan from
 * @param guests guest specialists a coordinator invited for the case while it waits for a panel ({@link Guest});
 *               they are candidates of every re-plan, and invited by mail once the case is scheduled
 */
@Document("panelGaps")
public record PanelGap(@Id String caseId, CaseBrief brief, List<Panel.Uncovered> uncovered, int members,
                       String reason, Instant at, List<OutboxEntry> outbox, List<String> appliedEvents,
                       List<Guest> guests) {
    public PanelGap {
        guests = guests == null ? List.of() : List.copyOf(guests);
    }

    static final String SERVICE = "mdt-scheduler";
    /** An MDT needs at least two disciplines around the table. */
    static final int MIN_MEMBERS = 2;

    /**
     * Fewer than two members, or only guests: the chair signs the consensus and answers follow-up questions, which a
     * guest acting through a link may not, so at least one member comes from the directory.
     */
    static boolean cannotSeat(Panel panel) {
        return panel.members().size() < MIN_MEMBERS || panel.members().stream().allMatch(m -> m.guest());
    }

    static PanelGap of(String commandId, ScheduleReview command, Panel panel, Instant now) {
        String reason = reason(command.caseId(), command.disciplines().size(), panel);
        CaseStepFailed failed = new CaseStepFailed(command.caseId(), SERVICE, "ScheduleReview", reason, null, now);
        return new PanelGap(command.caseId(), CaseBrief.of(command), panel.uncovered(), panel.members().size(), reason,
                now, List.of(OutboxEntry.of(failed, Envelope.derivedId(commandId, "CaseStepFailed"), now)),
                List.of(commandId), List.of());
    }

    /** The same gap, found again by a re-plan: the coordinator already has the task, so no second event. */
    PanelGap again(Panel panel, Instant now) {
        return new PanelGap(caseId, brief, panel.uncovered(), panel.members().size(),
                reason(caseId, brief.disciplines().size(), panel), now, outbox, appliedEvents, guests);
    }

    /** The same gap with one more guest invited (not saved until a re-plan says whether the panel is complete). */
    PanelGap withGuest(Guest guest) {
        List<Guest> invited = new ArrayList<>(guests);
        invited.add(guest);
        return new PanelGap(caseId, brief, uncovered, members, reason, at, outbox, appliedEvents, invited);
    }

    PanelGap acknowledge(String commandId) {
        List<String> applied = new ArrayList<>(appliedEvents);
        applied.add(commandId);
        return new PanelGap(caseId, brief, uncovered, members, reason, at, outbox, applied, guests);
    }

    ScheduleReview command() {
        return brief.asCommand(caseId);
    }

    private static String reason(String caseId, int requested, Panel panel) {
        return "No MDT panel can be composed: " + panel.members().size() + " of " + requested
                + " disciplines have an eligible specialist (at least " + MIN_MEMBERS + " needed, one of them from the "
                + "directory to chair)" + (panel.members().size() >= MIN_MEMBERS ? ": only guests can sit" : "") + ". "
                + String.join("; ", panel.uncovered().stream().map(u -> u.discipline() + ": " + u.reason()).toList())
                + ". Widen licensure in the specialist directory and re-plan (POST /reviews/" + caseId
                + "/schedule), or widen it for this case with the patient's consent to cross-border transfer (the same"
                + " POST with crossBorderDisciplines and a reason); or invite a guest specialist licensed in "
                + "the patient's country for a missing discipline (POST /reviews/" + caseId + "/guests); or decline "
                + "the case with a reason to the patient.";
    }
}
