package org.consilium.bpmn.tasks;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.consilium.bpmn.command.CommandNotSentException;
import org.consilium.bpmn.command.CommandPublisher;
import org.consilium.bpmn.lease.NodeLeases;
import org.consilium.bpmn.passes.PassLoop;
import org.consilium.events.Envelope;
import org.consilium.events.TaskOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Relays the task outbox to {@code consilium.task.events}, oldest first, each row deleted only after the broker
 * acknowledged it (at least once; the console's projection applies an id once). A failed send stops the round, so
 * a later event of the case never overtakes an earlier one; the next round tries again. A round runs as soon as a
 * row is committed, else every {@code consilium.task-events.relay-interval} (its own thread, {@link PassLoop}).
 * <p>With several engine nodes on one database, one relays at a time ({@link NodeLeases}): the others' rows wait for
 * its next round (the interval), and its death hands the relay over within {@link #LEASE_TERM}.
 */
@Component
class TaskOutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TaskOutboxRelay.class);
    private static final int BATCH = 200;
    static final String LEASE = "task-outbox-relay";
    static final Duration LEASE_TERM = Duration.ofSeconds(10);

    private final TaskOutbox outbox;
    private final CommandPublisher publisher;
    private final ManagementService management;
    private final PassLoop rounds;
    private final NodeLeases leases;

    TaskOutboxRelay(TaskOutbox outbox, CommandPublisher publisher, ManagementService management, NodeLeases leases,
                    @Value("${consilium.task-events.relay-interval:1s}") Duration interval,
                    @Value("${consilium.outbox.push:true}") boolean push) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.management = management;
        this.leases = leases;
        this.rounds = new PassLoop("task-outbox-relay", this::relay, outbox.added(), interval, Duration.ofSeconds(5),
                push);
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop() {
        rounds.stop();
        try {
            leases.release(LEASE);
        } catch (RuntimeException databaseGone) {
            // the lease runs out by itself within its term
            log.debug("task outbox lease not released: {}", databaseGone.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }

    void relay() {
        if (!leases.holds(LEASE, LEASE_TERM)) {
            return;
        }
        for (TaskOutbox.Pending pending : outbox.oldest(BATCH)) {
            try {
                publisher.publish(withClock(pending.envelope()));
            } catch (CommandNotSentException notSent) {
                log.warn("task outbox: {} not sent, retried next round: {}", pending.envelope().id(), notSent.getMessage());
                return;
            }
            outbox.remove(pending.seq());
        }
    }

    /**
     * An opened task carries the process's next timer, read now that the engine's transaction has committed (inside
     * it, the timers created with the task are not yet in the table): the worklist's "time left" when the task has
     * no due date of its own.
     */
    private Envelope withClock(Envelope envelope) {
        if (!(envelope.payload() instanceof TaskOpened opened) || opened.caseClock() != null) {
            return envelope;
        }
        Job next = management.createJobQuery().processInstanceId(opened.processInstanceId()).timers()
                .orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null);
        if (next == null || next.getDuedate() == null) {
            return envelope;
        }
        TaskOpened clocked = new TaskOpened(opened.caseId(), opened.taskId(), opened.taskKey(), opened.name(),
                opened.processInstanceId(), opened.assignee(), opened.urgency(), opened.created(), opened.due(),
                next.getDuedate().toInstant());
        return new Envelope(envelope.id(), envelope.type(), envelope.source(), envelope.caseId(), envelope.time(),
                envelope.traceparent(), clocked);
    }
}
