package org.consilium.e2e;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One consumer group on one topic of the running stack, and the dead-letter topic it gives up to: as the
 * services' and the engine's {@code application.yaml} bind them (services: the binder's {@code error.<topic>.<group>};
 * the engine: its own {@code <topic>.bpmn.dlt}).
 */
record StackConsumer(String topic, String group, String deadLetterTopic) {
    static final String CASE_EVENTS = "consilium.case.events";
    static final String RECORDS_COMMANDS = "consilium.records.commands";
    static final String RECORDS_EVENTS = "consilium.records.events";
    static final String MDT_COMMANDS = "consilium.mdt.commands";
    static final String MDT_EVENTS = "consilium.mdt.events";
    static final String NOTIFICATION_COMMANDS = "consilium.notification.commands";
    static final String NOTIFICATION_EVENTS = "consilium.notification.events";
    static final String CASE_FAILURES = "consilium.case.failures";
    /** Where the engine's dead-letter intake (stalledSteps) gives up: a dead letter it cannot even store. */
    static final String ENGINE_INTAKE_DEAD_LETTERS = "consilium.dead-letters.bpmn.dlt";

    static final List<String> TOPICS = List.of(CASE_EVENTS, RECORDS_COMMANDS, RECORDS_EVENTS, MDT_COMMANDS, MDT_EVENTS,
            NOTIFICATION_COMMANDS, NOTIFICATION_EVENTS, CASE_FAILURES);

    /** Every consumer of the case topics: bpmn, records-service, mdt-scheduler, notification-service, intake-service. */
    static List<StackConsumer> all() {
        return Stream.of(
                engine(CASE_EVENTS), engine(RECORDS_EVENTS), engine(MDT_EVENTS), engine(NOTIFICATION_EVENTS),
                engine(CASE_FAILURES),
                service(RECORDS_COMMANDS, "records-service"), service(CASE_EVENTS, "records-service"),
                service(MDT_EVENTS, "records-service"),
                service(MDT_COMMANDS, "mdt-scheduler"), service(CASE_EVENTS, "mdt-scheduler"),
                service(NOTIFICATION_COMMANDS, "notification-service"), service(CASE_EVENTS, "notification-service"),
                service(MDT_EVENTS, "notification-service"),
                service(CASE_EVENTS, "intake-service"), service(RECORDS_EVENTS, "intake-service"),
                service(MDT_EVENTS, "intake-service"), service(NOTIFICATION_EVENTS, "intake-service")).toList();
    }

    /**
     * The dead-letter topics the engine reads back (bpmn's {@code stalledSteps} binding) and turns into the case's
     * "Resolve a failed step": the services' dead letters of commands and of the events they keep, and its own.
     */
    boolean readByTheEngine() {
        return group.equals("bpmn") || ENGINE_READS.contains(deadLetterTopic);
    }

    private static final Set<String> ENGINE_READS = Set.of(
            "error.consilium.records.commands.records-service", "error.consilium.mdt.commands.mdt-scheduler",
            "error.consilium.notification.commands.notification-service", "error.consilium.case.events.records-service",
            "error.consilium.case.events.mdt-scheduler", "error.consilium.case.events.notification-service",
            "error.consilium.mdt.events.records-service", "error.consilium.mdt.events.notification-service");

    private static StackConsumer engine(String topic) {
        return new StackConsumer(topic, "bpmn", topic + ".bpmn.dlt");
    }

    private static StackConsumer service(String topic, String group) {
        return new StackConsumer(topic, group, "error." + topic + "." + group);
    }
}
