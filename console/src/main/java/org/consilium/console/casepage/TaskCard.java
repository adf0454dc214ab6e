package org.consilium.console.casepage;

import org.consilium.console.engine.OpenTask;
import org.consilium.console.taskform.TaskFormView;
import org.consilium.console.worklist.TimeLeft;

/** An open task on the case page: its clock, its form, and which context panel its decision needs. */
public record TaskCard(OpenTask task, TimeLeft timeLeft, TaskFormView form, TaskContext context) {

    public String contextKey() {
        return context.key();
    }
}
