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

    /**
     * The notification commands' partitions, more than the others': notification-service reads each partition on a
     * thread of its own, one email after another, and an email mostly waits (the store, SMTP), so its partitions are
     * how many emails go out side by side, order kept per key. With 3, a panel's six invitations queued behind other
     * cases' mails: 3.1 s from the first to the last under load against 1.2 s with 12 (docs/benchmarks.md, ADR 34).
     */
    public static final int NOTIFICATION_COMMANDS_PARTITIONS = 12;

    public static final List<String> ALL = List.of(CASE_EVENTS, RECORDS_COMMANDS, RECORDS_EVENTS,
            MDT_COMMANDS, MDT_EVENTS, NOTIFICATION_COMMANDS, NOTIFICATION_EVENTS, CASE_FAILURES, TASK_EVENTS);

    /** The partitions a topic is made with. */
    public static int partitions(String topic) {
        return NOTIFICATION_COMMANDS.equals(topic) ? NOTIFICATION_COMMANDS_PARTITIONS : PARTITIONS;
    }

    private Topics() {
    }
}
