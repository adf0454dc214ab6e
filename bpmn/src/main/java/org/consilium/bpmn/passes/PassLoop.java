package org.consilium.bpmn.passes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * A background pass (the inbox's correlation, the task outbox's relay) on a thread of its own: run again as soon as
 * its {@link Wakeup} says there is work, else after {@code interval}, so a stored event waits for the work ahead of it
 * rather than for a poll (issue 16). The interval stays as the safety net for work nobody announced (a retry's
 * back-off ending, a row left by a crashed node). One thread: a pass never runs beside itself, as with
 * {@code @Scheduled(fixedDelay)}, which this replaces; its own thread, so waiting never holds the shared scheduler.
 */
public final class PassLoop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PassLoop.class);

    private final String name;
    private final Runnable pass;
    private final Wakeup wakeup;
    private final Duration interval;
    private final Duration initialDelay;
    private final boolean woken;
    private volatile boolean running;
    private Thread thread;

    public PassLoop(String name, Runnable pass, Wakeup wakeup, Duration interval, Duration initialDelay) {
        this(name, pass, wakeup, interval, initialDelay, true);
    }

    /**
     * @param woken false: a pass every {@code interval} only, wake-ups ignored ({@code consilium.outbox.push=false}, the
     *              poll-only baseline the latency benchmark measures beside)
     */
    public PassLoop(String name, Runnable pass, Wakeup wakeup, Duration interval, Duration initialDelay, boolean woken) {
        this.woken = woken;
        this.name = name;
        this.pass = pass;
        this.wakeup = wakeup;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            Thread.sleep(initialDelay.toMillis());
            while (running) {
                try {
                    pass.run();
                } catch (RuntimeException e) {
                    log.warn("{}: the pass failed, the next one retries: {}", name, e.toString());
                }
                if (woken) {
                    wakeup.await(interval);
                } else {
                    Thread.sleep(interval.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a running pass finish (it commits or rolls back its rows), then ends the thread. */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        wakeup.now();
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
