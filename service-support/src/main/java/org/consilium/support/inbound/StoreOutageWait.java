package org.consilium.support.inbound;

import java.time.Duration;
import java.util.function.Supplier;

import org.consilium.support.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message whose handling failed only because the store was out of reach is not a bad message: dead-lettering
 * it would turn every outage into work for a coordinator (issue 12). So the consumer tries it again, pausing
 * 1, 2, 4, 8, then every 10 s, for up to {@code patience}; the partition waits meanwhile, as it must to keep the
 * case's order. A longer outage then goes to the binder's retries, each waiting as long again; only after
 * those is the record dead-lettered, with the error in its headers.
 *
 * @param patience   how long one delivery attempt waits for the store to come back
 * @param firstPause the first pause; each next one doubles, up to {@code maxPause}
 * @param maxPause   the longest pause between two tries
 */
record StoreOutageWait(Duration patience, Duration firstPause, Duration maxPause) {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageWait.class);

    /**
     * Four binder attempts of 3 minutes each stay within the consumers' max.poll.interval.ms (15 min in the
     * service defaults), so a consumer that waits is never taken for dead and its partitions stay with it.
     */
    static final StoreOutageWait DEFAULT = new StoreOutageWait(Duration.ofMinutes(3), Duration.ofSeconds(1),
            Duration.ofSeconds(10));

    void run(Supplier<Object> attempt, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = firstPause;
        while (true) {
            try {
                attempt.get();
                return;
            } catch (RuntimeException failure) {
                if (!StoreOutage.causedBy(failure) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw failure;
                }
                log.warn("The store cannot be reached while applying {}; trying again in {} ms: {}", what,
                        pause.toMillis(), failure.toString());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        }
    }
}
