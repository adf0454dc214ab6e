package org.consilium.console.caseview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.consilium.events.CaseAccepted;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.RequestRecords;
import org.consilium.events.TaskAssigned;
import org.consilium.events.TaskClosed;
import org.consilium.events.TaskOpened;
import org.consilium.events.Traceparent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as the console's read model holds it (ADR 18): what the worklist filters and sorts on, the open coordinator
 * tasks, and the timeline of every event of the case. Derived from the topics only, so it can be thrown away and
 * rebuilt; nothing sealed is kept (no name, question, report text or address).
 *
 * @param version  optimistic lock: two topics' consumers may apply events of one case at once
 * @param urgency  the confirmed urgency (CaseAccepted), else the one the clocks run on (the triage's, from the tasks)
 * @param stageAt  when the case entered its stage
 * @param nameTokens the keyed hashes of the words of the patient's name ({@link PatientNames}), never the name
 */
@Document("cases")
public record CaseView(@Id String caseId, long version, String cancerType, String urgency, boolean urgencyConfirmed,
                       String stage, Instant stageAt, Instant submittedAt, List<OpenTaskView> openTasks,
                       List<TimelineEntry> timeline, List<String> nameTokens) {

    public CaseView {
        openTasks = openTasks == null ? List.of() : List.copyOf(openTasks);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        nameTokens = nameTokens == null ? List.of() : List.copyOf(nameTokens);
    }

    public CaseView(String caseId, long version, String cancerType, String urgency, boolean urgencyConfirmed,
                    String stage, Instant stageAt, Instant submittedAt, List<OpenTaskView> openTasks,
                    List<TimelineEntry> timeline) {
        this(caseId, version, cancerType, urgency, urgencyConfirmed, stage, stageAt, submittedAt, openTasks, timeline,
                List.of());
    }

    static CaseView empty(String caseId) {
        return new CaseView(caseId, 0, null, null, false, null, null, null, List.of(), List.of());
    }

    /** The same case, found by these hashes of its patient's name. */
    CaseView withNameTokens(Collection<String> tokens) {
        return new CaseView(caseId, version, cancerType, urgency, urgencyConfirmed, stage, stageAt, submittedAt, openTasks,
                timeline, List.copyOf(tokens));
    }

    boolean hasApplied(String eventId) {
        return timeline.stream().anyMatch(entry -> entry.id().equals(eventId));
    }

    /** The case with the event applied, one version on; or this very case when the event was applied before. */
    CaseView apply(Envelope event) {
        if (hasApplied(event.id())) {
            return this;
        }
        Draft next = new Draft(this);
        switch (event.type()) {
            case CASE_SUBMITTED -> {
                CaseSubmitted submitted = event.payload(CaseSubmitted.class);
                next.cancerType = submitted.cancerType();
                next.submittedAt = submitted.submittedAt();
                next.moveTo("SUBMITTED", submitted.submittedAt());
            }
            case CASE_ACCEPTED -> {
                CaseAccepted accepted = event.payload(CaseAccepted.class);
                next.urgency = accepted.urgency().name();
                next.urgencyConfirmed = true;
                next.moveTo("COLLECTING_RECORDS", event.time());
            }
            case REQUEST_RECORDS -> {
                RequestRecords request = event.payload(RequestRecords.class);
                next.cancerType = next.cancerType == null ? request.cancerType() : next.cancerType;
                next.moveTo("COLLECTING_RECORDS", event.time());
            }
            case CASE_DECLINED -> next.moveTo("DECLINED", event.time());
            case CASE_WITHDRAWN -> next.moveTo("WITHDRAWN", event.time());
            case RECORDS_COMPLETED -> next.moveTo("RECORDS_COMPLETE", event.time());
            case MDT_SCHEDULED -> next.moveTo("MDT_SCHEDULED", event.time());
            case MDT_CONCLUDED -> next.moveTo("MDT_CONCLUDED", event.time());
            case REPORT_DELIVERED -> next.moveTo("REPORT_DELIVERED", event.time());
            case TASK_OPENED -> next.open(event.payload(TaskOpened.class));
            case TASK_ASSIGNED -> {
                TaskAssigned assigned = event.payload(TaskAssigned.class);
                next.openTasks.replaceAll(t -> t.taskId().equals(assigned.taskId()) ? t.assignedTo(assigned.assignee()) : t);
            }
            case TASK_CLOSED -> next.openTasks.removeIf(t -> t.taskId().equals(event.payload(TaskClosed.class).taskId()));
            default -> {
                // on the timeline only
            }
        }
        next.timeline.add(new TimelineEntry(event.id(), event.type().messageName(), event.time(),
                TimelineLines.service(event.source()), TimelineLines.summary(event, this),
                Traceparent.parse(event.traceparent()).map(Traceparent::traceId).orElse(null)));
        next.timeline.sort(java.util.Comparator.comparing(TimelineEntry::at));
        return next.build(version + 1);
    }

    /** The open task with this id, for the timeline to name it. */
    java.util.Optional<OpenTaskView> task(String taskId) {
        return openTasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst();
    }

    private static final class Draft {
        private final String caseId;
        private String cancerType;
        private String urgency;
        private boolean urgencyConfirmed;
        private String stage;
        private Instant stageAt;
        private Instant submittedAt;
        private final List<OpenTaskView> openTasks;
        private final List<TimelineEntry> timeline;
        private final List<String> nameTokens;

        Draft(CaseView from) {
            nameTokens = from.nameTokens;
            caseId = from.caseId;
            cancerType = from.cancerType;
            urgency = from.urgency;
            urgencyConfirmed = from.urgencyConfirmed;
            stage = from.stage;
            stageAt = from.stageAt;
            submittedAt = from.submittedAt;
            openTasks = new ArrayList<>(from.openTasks);
            timeline = new ArrayList<>(from.timeline);
        }

        void moveTo(String next, Instant at) {
            String later = CaseStage.later(stage, next);
            if (!later.equals(stage)) {
                stage = later;
                stageAt = at;
            }
        }

        void open(TaskOpened opened) {
            openTasks.removeIf(t -> t.taskId().equals(opened.taskId()));
            openTasks.add(new OpenTaskView(opened.taskId(), opened.taskKey(), opened.name(), opened.processInstanceId(),
                    opened.assignee(), opened.created(), opened.due(), opened.caseClock()));
            if (!urgencyConfirmed && opened.urgency() != null) {
                urgency = opened.urgency();
            }
        }

        CaseView build(long version) {
            return new CaseView(caseId, version, cancerType, urgency, urgencyConfirmed, stage, stageAt, submittedAt,
                    openTasks, timeline, nameTokens);
        }
    }
}
