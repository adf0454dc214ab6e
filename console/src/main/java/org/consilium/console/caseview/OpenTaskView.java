package org.consilium.console.caseview;

import java.time.Instant;

/**
 * One open coordinator task of a case, as the task events told it (TaskOpened, TaskAssigned).
 *
 * @param due       the task's own due date, or null
 * @param caseClock the process's next timer when the task opened, or null
 */
public record OpenTaskView(String taskId, String taskKey, String name, String processInstanceId, String assignee,
                           Instant created, Instant due, Instant caseClock) {

    OpenTaskView assignedTo(String someone) {
        return new OpenTaskView(taskId, taskKey, name, processInstanceId, someone, created, due, caseClock);
    }

    /** The task's due date when it has one, else the case's clock: the worklist's "time left". */
    public Instant deadline() {
        return due != null ? due : caseClock;
    }

    public String deadlineSource() {
        return due != null ? "due" : caseClock != null ? "clock" : "none";
    }
}
