package org.consilium.events;

import java.util.List;

/** Kafka topic names: one per context and direction. Record key is always the case id. */
public final class Topics {
    public static final String CASE_EVENTS = "consilium.case.events";
    public static final String RECORDS_COMMANDS = "consilium.records.commands";
    public static final String RECORDS_EVENTS = "consilium.records.events";
    public static final String MDT_COMMANDS = "consilium.mdt.commands";
    public static final String MDT_EVENTS = "consilium.mdt.events";
    public static final String NOTIFICATION_COMMANDS = "consilium.notification.commands";
    public static final String NOTIFICATION_EVENTS = "consilium.notification.events";
    /** CaseStepFailed from any service: what stops a case, for the process to turn into a coordinator task. */
    public static final String CASE_FAILURES = "consilium.case.failures";

    /** The process's coordinator tasks (opened, assigned, closed): facts for read models, consumed by no process. */
    public static final String TASK_EVENTS = "consilium.task.events";

    /** More than one partition from day one, so per-case ordering (by key) is really exercised. */
    public static final int PARTITIONS = 3;

    public static final List<String> ALL = List.of(CASE_EVENTS, RECORDS_COMMANDS, RECORDS_EVENTS,
            MDT_COMMANDS, MDT_EVENTS, NOTIFICATION_COMMANDS, NOTIFICATION_EVENTS, CASE_FAILURES, TASK_EVENTS);

    private Topics() {
    }
}
