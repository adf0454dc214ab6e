package org.consilium.bpmn.passes;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * "There is work": said by whoever stores it (an event into the inbox, a task event into its outbox), heard by the
 * {@link PassLoop} that does it. Any number of wake-ups before the next pass make one pass: the pass takes all that is
 * due.
 */
public final class Wakeup {
    private final Semaphore work = new Semaphore(0);

    public void now() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /**
     * Once the current transaction has committed, so the pass sees what it wrote (a pass woken before would find
     * nothing and wait a whole interval); at once outside a transaction.
     */
    public void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            now();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                now();
            }
        });
    }

    /** Waits until woken or {@code atMost} passed; true if woken. */
    boolean await(Duration atMost) throws InterruptedException {
        boolean woken = work.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        work.drainPermits();
        return woken;
    }
}
